package io.supporthub.hub.message;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/attachments/{id}} (behind the API login): the file as a download. Only a few passive types keep
 * their content type; anything else (HTML, SVG, scripts) is served as {@code application/octet-stream}.
 */
public final class AttachmentRoutes {

    private static final Set<String> SAFE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain", "text/csv", "audio/mpeg", "audio/ogg", "video/mp4", "application/zip");

    private final Transactions transactions;

    public AttachmentRoutes(Transactions transactions) {
        this.transactions = transactions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/attachments/{id}", this::download);
    }

    private void download(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("no attachment '" + ctx.pathParam("id") + "'");
        }
        record File(AttachmentInfo info, byte[] data) {
        }
        Optional<File> file = transactions.read(handle -> {
            AttachmentStore store = new AttachmentStore(handle);
            return store.info(id).flatMap(info -> store.content(id).map(data -> new File(info, data)));
        });
        File found = file.orElseThrow(() -> Refusal.notFound("no attachment " + id));
        String name = found.info().fileName() == null || found.info().fileName().isBlank()
                ? "attachment-" + id : found.info().fileName();
        ctx.header("Content-Disposition", "attachment; filename=\"" + asciiName(name) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType(safeType(found.info().contentType()));
        ctx.result(found.data());
    }

    static String safeType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return SAFE_TYPES.contains(base) ? base : "application/octet-stream";
    }

    private static String asciiName(String name) {
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
