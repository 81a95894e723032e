package io.supporthub.channels.sms;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.DeliveryUpdate;
import io.supporthub.channels.UnprocessablePayloadException;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Reads Twilio's status callback ({@code POST /webhooks/twilio/status}: MessageSid, MessageStatus, ErrorCode,
 * ErrorMessage) into a {@link DeliveryUpdate} for the message whose provider id is the MessageSid.
 *
 * <p>Callbacks arrive in any order (a "sent" after "delivered"); this class only maps each one, the hub keeps the
 * state from moving back with {@link DeliveryState#canMoveTo}. Twilio's callbacks carry no time, so {@code at} is
 * when we received it.
 */
public final class TwilioStatusParser {

    private final Clock clock;

    public TwilioStatusParser(Clock clock) {
        this.clock = clock;
    }

    public DeliveryUpdate parse(Map<String, List<String>> form) throws UnprocessablePayloadException {
        String sid = TwilioForm.first(form, "MessageSid");
        if (sid == null) {
            sid = TwilioForm.first(form, "SmsSid");
        }
        if (sid == null) {
            throw new UnprocessablePayloadException("Twilio status callback without MessageSid");
        }
        String status = TwilioForm.first(form, "MessageStatus");
        if (status == null) {
            status = TwilioForm.first(form, "SmsStatus");
        }
        if (status == null) {
            throw new UnprocessablePayloadException("Twilio status callback for " + sid + " without MessageStatus");
        }
        String reported = status;
        String messageSid = sid;
        DeliveryState state = TwilioMessageStatus.toDeliveryState(status).orElseThrow(() ->
                new UnprocessablePayloadException("Twilio status callback for " + messageSid
                        + " has an unknown MessageStatus '" + reported + "'"));
        String reason = state == DeliveryState.FAILED ? reason(form, status) : null;
        return new DeliveryUpdate(ChannelKind.SMS, sid, state, reason, clock.instant());
    }

    private static String reason(Map<String, List<String>> form, String status) throws UnprocessablePayloadException {
        String code = TwilioForm.first(form, "ErrorCode");
        String message = TwilioForm.first(form, "ErrorMessage");
        if (code == null) {
            return message != null ? "Twilio reported " + status + ": " + message
                    : "Twilio reported the message " + status + " without an error code";
        }
        try {
            return TwilioErrors.describe(Integer.valueOf(code), message);
        } catch (NumberFormatException e) {
            throw new UnprocessablePayloadException("Twilio status callback has a non-numeric ErrorCode '" + code + "'");
        }
    }
}
