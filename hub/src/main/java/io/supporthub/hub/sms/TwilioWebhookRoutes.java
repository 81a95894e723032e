package io.supporthub.hub.sms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.UnprocessedPayload;
import io.supporthub.channels.sms.TwilioChannel;
import io.supporthub.channels.sms.TwilioForm;
import io.supporthub.channels.sms.TwilioInboundParser;
import io.supporthub.channels.sms.TwilioSettings;
import io.supporthub.channels.sms.TwilioSignatureVerifier;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Twilio's webhooks: {@code POST /webhooks/twilio/sms} (a customer's SMS or MMS) and {@code POST
 * /webhooks/twilio/status} (delivery states of what we sent). Each one: verify {@code X-Twilio-Signature} against
 * {@code PUBLIC_URL} (missing 401, wrong 403), parse, take the events in one transaction, answer 200 with empty
 * TwiML. A payload that can never be processed is kept aside and still answered 200 (Twilio must not resend it);
 * media that cannot be fetched now or a database outage answer 5xx (and reconciliation picks the message up later).
 */
public final class TwilioWebhookRoutes {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookRoutes.class);

    private final TwilioChannel channel;
    private final ChannelEventHandler events;

    public TwilioWebhookRoutes(TwilioChannel channel, ChannelEventHandler events) {
        this.channel = channel;
        this.events = events;
    }

    public void register(RoutesConfig routes) {
        routes.post(TwilioSettings.INBOUND_PATH, this::inbound);
        routes.post(TwilioSettings.STATUS_PATH, this::status);
    }

    private void inbound(Context ctx) {
        Map<String, List<String>> form = verifiedForm(ctx);
        List<ChannelEvent> parsed;
        try {
            parsed = channel.inboundParser().parse(form);
        } catch (UnprocessablePayloadException e) {
            keepAside(ctx, e);
            return;
        } catch (IOException e) {
            log.warn("Inbound SMS not taken now, Twilio or reconciliation will bring it again: {}", e.getMessage());
            throw new ApiException(503, "unavailable", "the message's media could not be fetched: " + e.getMessage());
        }
        events.handle(parsed);
        emptyTwiml(ctx);
    }

    private void status(Context ctx) {
        Map<String, List<String>> form = verifiedForm(ctx);
        try {
            events.handle(List.of(channel.statusParser().parse(form)));
        } catch (UnprocessablePayloadException e) {
            keepAside(ctx, e);
            return;
        }
        emptyTwiml(ctx);
    }

    private Map<String, List<String>> verifiedForm(Context ctx) {
        Map<String, List<String>> form = TwilioForm.parse(ctx.body());
        SignatureCheck check = channel.verifier().verifyForm(ctx.path(), ctx.queryString(), form,
                ctx.header(TwilioSignatureVerifier.HEADER));
        if (check == SignatureCheck.MISSING) {
            throw ApiException.unauthorized("the " + TwilioSignatureVerifier.HEADER + " header is missing");
        }
        if (check == SignatureCheck.INVALID) {
            throw ApiException.forbidden("the " + TwilioSignatureVerifier.HEADER + " signature does not match "
                    + "(another auth token, or PUBLIC_URL differs from the URL configured at Twilio)");
        }
        return form;
    }

    private void keepAside(Context ctx, UnprocessablePayloadException e) {
        events.keepAside(new UnprocessedPayload(ChannelKind.SMS, ctx.body(), e.getMessage()));
        emptyTwiml(ctx);
    }

    private static void emptyTwiml(Context ctx) {
        ctx.status(200).contentType(TwilioInboundParser.TWIML_CONTENT_TYPE).result(TwilioInboundParser.EMPTY_TWIML);
    }
}
