package io.supporthub.hub.telegram;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.telegram.TelegramUpdateParser;
import io.supporthub.channels.telegram.TelegramWebhookRegistrar;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.WebhookRoute;
import io.supporthub.hub.web.BodyLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /webhooks/telegram}: checks the secret header (missing → 401, wrong → 403), parses the update and
 * stores its events in one transaction, then answers 200. An update that can never be processed is kept aside and
 * acknowledged with 200 too, because Telegram holds back the chat's later updates until it is; only a passing
 * failure (a file download, the database) answers 503 so that Telegram redelivers.
 */
final class TelegramWebhookRoute extends WebhookRoute<byte[]> {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRoute.class);

    private final TelegramWebhookVerifier verifier;
    private final TelegramUpdateParser parser;
    private final CallbackAnswers callbacks;

    TelegramWebhookRoute(TelegramWebhookVerifier verifier, TelegramUpdateParser parser, ChannelEventHandler events,
                         CallbackAnswers callbacks) {
        super(ChannelKind.TELEGRAM, events);
        this.verifier = verifier;
        this.parser = parser;
        this.callbacks = callbacks;
    }

    void register(RoutesConfig routes) {
        register(routes, TelegramWebhookRegistrar.WEBHOOK_PATH, BodyLimit.TELEGRAM_UPDATE);
    }

    @Override
    protected byte[] read(RawPayload raw) {
        return raw.body();
    }

    @Override
    protected String signatureHeader() {
        return TelegramWebhookVerifier.HEADER;
    }

    /** The secret is in a header: the body is not looked at before it matched. */
    @Override
    protected SignatureCheck verify(Context ctx, byte[] body) {
        return verifier.check(ctx.header(TelegramWebhookVerifier.HEADER));
    }

    @Override
    protected String refused(Context ctx, SignatureCheck check) {
        boolean missing = check == SignatureCheck.MISSING;
        log.warn("Telegram webhook call from {} refused: {} {} header", ctx.ip(), missing ? "no" : "a wrong",
                TelegramWebhookVerifier.HEADER);
        return "the " + TelegramWebhookVerifier.HEADER + " header is " + (missing ? "missing" : "wrong");
    }

    @Override
    protected List<ChannelEvent> parse(byte[] body) throws UnprocessablePayloadException, IOException {
        return parser.parse(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    protected void acknowledge(Context ctx, UnprocessablePayloadException e) {
        log.warn("Telegram update cannot be processed, acknowledged and kept aside: {}", e.getMessage());
        ok(ctx);
    }

    @Override
    protected String unavailable(IOException e) {
        log.warn("Telegram update not taken, Telegram will redeliver it: {}", e.getMessage());
        return "could not fetch the update's file from Telegram; try again";
    }

    @Override
    protected void answer(Context ctx, List<ChannelEvent> committed, ChannelEventHandler.Handled handled) {
        callbacks.answer(committed);
        ok(ctx);
    }

    private static void ok(Context ctx) {
        ctx.status(200).json(Map.of("ok", true));
    }
}
