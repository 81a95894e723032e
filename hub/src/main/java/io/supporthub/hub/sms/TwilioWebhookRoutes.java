package io.supporthub.hub.sms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.sms.TwilioChannel;
import io.supporthub.channels.sms.TwilioForm;
import io.supporthub.channels.sms.TwilioInboundParser;
import io.supporthub.channels.sms.TwilioSettings;
import io.supporthub.channels.sms.TwilioSignatureVerifier;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.WebhookRoute;
import io.supporthub.hub.web.BodyLimit;
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
        new Webhook(form -> channel.inboundParser().parse(form)).register(routes, TwilioSettings.INBOUND_PATH, BodyLimit.CALLBACK);
        new Webhook(form -> List.of(channel.statusParser().parse(form))).register(routes, TwilioSettings.STATUS_PATH, BodyLimit.CALLBACK);
    }

    /** An inbound or a status callback's parser. */
    private interface FormParser {
        List<ChannelEvent> parse(Map<String, List<String>> form) throws UnprocessablePayloadException, IOException;
    }

    private final class Webhook extends WebhookRoute<Map<String, List<String>>> {

        private final FormParser parser;

        Webhook(FormParser parser) {
            super(ChannelKind.SMS, events);
            this.parser = parser;
        }

        @Override
        protected Map<String, List<String>> read(RawPayload raw) {
            return TwilioForm.parse(raw.bodyText());
        }

        @Override
        protected String signatureHeader() {
            return TwilioSignatureVerifier.HEADER;
        }

        @Override
        protected SignatureCheck verify(Context ctx, Map<String, List<String>> form) {
            return channel.verifier().verifyForm(ctx.path(), ctx.queryString(), form,
                    ctx.header(TwilioSignatureVerifier.HEADER));
        }

        @Override
        protected String refused(Context ctx, SignatureCheck check) {
            return check == SignatureCheck.MISSING
                    ? "the " + TwilioSignatureVerifier.HEADER + " header is missing"
                    : "the " + TwilioSignatureVerifier.HEADER + " signature does not match "
                    + "(another auth token, or PUBLIC_URL differs from the URL configured at Twilio)";
        }

        @Override
        protected List<ChannelEvent> parse(Map<String, List<String>> form) throws UnprocessablePayloadException, IOException {
            return parser.parse(form);
        }

        @Override
        protected void acknowledge(Context ctx, UnprocessablePayloadException e) {
            emptyTwiml(ctx);
        }

        @Override
        protected String unavailable(IOException e) {
            log.warn("Inbound SMS not taken now, Twilio or reconciliation will bring it again: {}", e.getMessage());
            return "the message's media could not be fetched: " + e.getMessage();
        }

        @Override
        protected void answer(Context ctx, List<ChannelEvent> committed, ChannelEventHandler.Handled handled) {
            emptyTwiml(ctx);
        }
    }

    private static void emptyTwiml(Context ctx) {
        ctx.status(200).contentType(TwilioInboundParser.TWIML_CONTENT_TYPE).result(TwilioInboundParser.EMPTY_TWIML);
    }
}
