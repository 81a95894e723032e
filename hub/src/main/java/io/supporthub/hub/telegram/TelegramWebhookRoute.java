package io.supporthub.hub.telegram;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.UnprocessedPayload;
import io.supporthub.channels.telegram.TelegramUpdateParser;
import io.supporthub.channels.telegram.TelegramWebhookRegistrar;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.web.ErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * {@code POST /webhooks/telegram}: checks the secret header (missing → 401, wrong → 403), parses the update and
 * stores its events in one transaction, then answers 200. An update that can never be processed is kept aside and
 * acknowledged with 200 too, because Telegram holds back the chat's later updates until it is; only a passing
 * failure (a file download, the database) answers 503 so that Telegram redelivers.
 */
final class TelegramWebhookRoute {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRoute.class);

    private final TelegramWebhookVerifier verifier;
    private final TelegramUpdateParser parser;
    private final ChannelEventHandler events;
    private final CallbackAnswers callbacks;

    TelegramWebhookRoute(TelegramWebhookVerifier verifier, TelegramUpdateParser parser, ChannelEventHandler events,
                         CallbackAnswers callbacks) {
        this.verifier = verifier;
        this.parser = parser;
        this.events = events;
        this.callbacks = callbacks;
    }

    void register(RoutesConfig routes) {
        routes.post(TelegramWebhookRegistrar.WEBHOOK_PATH, this::accept);
    }

    private void accept(Context ctx) {
        SignatureCheck check = verifier.check(ctx.header(TelegramWebhookVerifier.HEADER));
        if (!check.valid()) {
            log.warn("Telegram webhook call from {} refused: {} {} header", ctx.ip(),
                    check == SignatureCheck.MISSING ? "no" : "a wrong", TelegramWebhookVerifier.HEADER);
            ErrorHandling.respond(ctx, check.httpStatus(), check == SignatureCheck.MISSING
                    ? "unauthorized" : "forbidden", "the " + TelegramWebhookVerifier.HEADER + " header is "
                    + (check == SignatureCheck.MISSING ? "missing" : "wrong"));
            return;
        }
        String body = ctx.body();
        List<ChannelEvent> parsed;
        try {
            parsed = parser.parse(body);
        } catch (UnprocessablePayloadException e) {
            log.warn("Telegram update cannot be processed, acknowledged and kept aside: {}", e.getMessage());
            events.keepAside(new UnprocessedPayload(ChannelKind.TELEGRAM, body, e.getMessage()));
            ctx.status(200).json(java.util.Map.of("ok", true));
            return;
        } catch (IOException e) {
            log.warn("Telegram update not taken, Telegram will redeliver it: {}", e.getMessage());
            ErrorHandling.respond(ctx, 503, "unavailable", "could not fetch the update's file from Telegram; try again");
            return;
        }
        events.handle(parsed);
        callbacks.answer(parsed);
        ctx.status(200).json(java.util.Map.of("ok", true));
    }
}
