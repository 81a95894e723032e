package io.supporthub.hub.viber;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.bot.BotReply;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.viber.ViberCallbackParser;
import io.supporthub.channels.viber.ViberSettings;
import io.supporthub.channels.viber.ViberSignatureVerifier;
import io.supporthub.channels.viber.ViberWelcome;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.WebhookRoute;
import io.supporthub.hub.web.BodyLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * {@code POST /webhooks/viber}: the signature checked over the exact bytes received (missing 401, wrong 403), the
 * callback parsed and handled in one transaction, then 200 — with the bot's greeting and menu as the body for
 * conversation_started. A payload that can never be processed is kept aside and acknowledged; a passing failure
 * (fetching media, the database) answers 5xx so Viber retries.
 */
final class ViberWebhookRoutes extends WebhookRoute<byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ViberWebhookRoutes.class);

    private final ViberSignatureVerifier verifier;
    private final ViberCallbackParser parser;
    private final ViberWelcome welcome;

    ViberWebhookRoutes(ViberSignatureVerifier verifier, ViberCallbackParser parser, ViberWelcome welcome,
                       ChannelEventHandler events) {
        super(ChannelKind.VIBER, events);
        this.verifier = verifier;
        this.parser = parser;
        this.welcome = welcome;
    }

    void register(RoutesConfig routes) {
        register(routes, ViberSettings.WEBHOOK_PATH, BodyLimit.CALLBACK);
    }

    @Override
    protected byte[] read(RawPayload raw) {
        return raw.body();
    }

    @Override
    protected String signatureHeader() {
        return ViberSignatureVerifier.HEADER;
    }

    @Override
    protected SignatureCheck verify(Context ctx, byte[] body) {
        return verifier.verify(body, ctx.header(ViberSignatureVerifier.HEADER));
    }

    @Override
    protected String refused(Context ctx, SignatureCheck check) {
        boolean missing = check == SignatureCheck.MISSING;
        log.warn("Viber callback refused from {}: {} {}", ctx.ip(), ViberSignatureVerifier.HEADER,
                missing ? "is missing" : "does not match the body (is VIBER_AUTH_TOKEN the bot's token?)");
        return ViberSignatureVerifier.HEADER + (missing ? " is missing" : " is wrong");
    }

    @Override
    protected List<ChannelEvent> parse(byte[] body) throws UnprocessablePayloadException, IOException {
        return parser.parse(body);
    }

    @Override
    protected void acknowledge(Context ctx, UnprocessablePayloadException e) {
        ctx.status(200);
    }

    @Override
    protected String unavailable(IOException e) {
        log.warn("Viber callback not handled now, Viber will retry it: {}", e.toString());
        return "could not fetch the message's media; try again";
    }

    @Override
    protected void answer(Context ctx, List<ChannelEvent> committed, ChannelEventHandler.Handled handled) {
        if (handled.greetings().isEmpty()) {
            ctx.status(200);
            return;
        }
        BotReply greeting = handled.greetings().get(0);
        ctx.status(200).contentType("application/json").result(welcome.responseBody(greeting.text(), greeting.buttons()));
    }
}
