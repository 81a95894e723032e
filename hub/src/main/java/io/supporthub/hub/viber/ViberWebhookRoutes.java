package io.supporthub.hub.viber;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.bot.BotReply;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.UnprocessedPayload;
import io.supporthub.channels.viber.ViberCallbackParser;
import io.supporthub.channels.viber.ViberSettings;
import io.supporthub.channels.viber.ViberSignatureVerifier;
import io.supporthub.channels.viber.ViberWelcome;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.web.ErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /webhooks/viber}: the signature checked over the exact bytes received (missing 401, wrong 403), the
 * callback parsed and handled in one transaction, then 200 — with the bot's greeting and menu as the body for
 * conversation_started. A payload that can never be processed is kept aside and acknowledged; a passing failure
 * (fetching media, the database) answers 5xx so Viber retries.
 */
final class ViberWebhookRoutes {

    private static final Logger log = LoggerFactory.getLogger(ViberWebhookRoutes.class);

    private final ViberSignatureVerifier verifier;
    private final ViberCallbackParser parser;
    private final ViberWelcome welcome;
    private final ChannelEventHandler events;

    ViberWebhookRoutes(ViberSignatureVerifier verifier, ViberCallbackParser parser, ViberWelcome welcome,
                       ChannelEventHandler events) {
        this.verifier = verifier;
        this.parser = parser;
        this.welcome = welcome;
        this.events = events;
    }

    void register(RoutesConfig routes) {
        routes.post(ViberSettings.WEBHOOK_PATH, this::callback);
    }

    private void callback(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        SignatureCheck check = verifier.verify(body, ctx.header(ViberSignatureVerifier.HEADER));
        if (!check.valid()) {
            boolean missing = check == SignatureCheck.MISSING;
            log.warn("Viber callback refused from {}: {} {}", ctx.ip(), ViberSignatureVerifier.HEADER,
                    missing ? "is missing" : "does not match the body (is VIBER_AUTH_TOKEN the bot's token?)");
            ErrorHandling.respond(ctx, check.httpStatus(), missing ? "unauthorized" : "forbidden",
                    ViberSignatureVerifier.HEADER + (missing ? " is missing" : " is wrong"));
            return;
        }
        List<ChannelEvent> parsed;
        try {
            parsed = parser.parse(body);
        } catch (UnprocessablePayloadException e) {
            events.keepAside(new UnprocessedPayload(ChannelKind.VIBER, new String(body, StandardCharsets.UTF_8), e.getMessage()));
            ctx.status(200);
            return;
        } catch (IOException e) {
            log.warn("Viber callback not handled now, Viber will retry it: {}", e.toString());
            ErrorHandling.respond(ctx, 503, "unavailable", "could not fetch the message's media; try again");
            return;
        }
        ChannelEventHandler.Handled handled = events.handleAll(parsed);
        if (handled.greetings().isEmpty()) {
            ctx.status(200);
            return;
        }
        BotReply greeting = handled.greetings().get(0);
        ctx.status(200).contentType("application/json").result(welcome.responseBody(greeting.text(), greeting.buttons()));
    }
}
