package io.supporthub.hub.viber;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.viber.SignedMediaUrls;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.web.ErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code GET /media/{messageId}/{index}/{fileName}?expires=..&sig=..}: the files of outgoing messages, for providers
 * that fetch them by URL (Viber). No login: the link's signature and expiry are the check; anything else is a 404.
 */
final class MediaRoutes {

    static final String PATH = "/media";
    private static final Logger log = LoggerFactory.getLogger(MediaRoutes.class);

    private final SignedMediaUrls urls;
    private final Transactions transactions;

    MediaRoutes(SignedMediaUrls urls, Transactions transactions) {
        this.urls = urls;
        this.transactions = transactions;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH + "/{messageId}/{index}/{fileName}", this::serve);
    }

    private void serve(Context ctx) {
        long messageId;
        int index;
        long expires;
        try {
            messageId = Long.parseLong(ctx.pathParam("messageId"));
            index = Integer.parseInt(ctx.pathParam("index"));
            expires = Long.parseLong(String.valueOf(ctx.queryParam("expires")));
        } catch (NumberFormatException e) {
            notFound(ctx);
            return;
        }
        if (!urls.verify(messageId, index, expires, ctx.queryParam("sig"))) {
            log.info("Media link for message {} file {} refused: bad signature or expired", messageId, index);
            notFound(ctx);
            return;
        }
        List<Attachment> files = transactions.read(handle -> new AttachmentStore(handle).load(messageId));
        if (index < 0 || index >= files.size()) {
            notFound(ctx);
            return;
        }
        Attachment file = files.get(index);
        ctx.header("Cache-Control", "private, max-age=3600");
        // Served on the hub's own origin to whoever holds the link: never rendered as a page there.
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "sandbox");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName().replaceAll("[\"\\\\\r\n]", "_") + "\"");
        ctx.contentType(file.contentType()).result(file.content());
    }

    private static void notFound(Context ctx) {
        ErrorHandling.respond(ctx, 404, "not_found", "no such file, or the link expired");
    }
}
