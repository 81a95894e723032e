package io.supporthub.channels.sms;

import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.ReachabilityChange;
import io.supporthub.channels.SenderProfile;
import io.supporthub.channels.ThreadHint;
import io.supporthub.channels.UnprocessablePayloadException;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Twilio's inbound SMS/MMS webhook ({@code POST /webhooks/twilio/sms}, form-encoded MessageSid, From, To, Body,
 * NumMedia, MediaUrlN, MediaContentTypeN) into channel events.
 *
 * <p>Out comes an {@link InboundMessage} on {@link ChannelKind#SMS}: from the customer's phone (E.164), external id
 * the MessageSid (a redelivery carries the same one), text the Body, the MMS media downloaded into attachments (those
 * over the size limit in {@code refusedAttachments}).
 *
 * <p>Replies must go out from the number the customer wrote to: {@code To} is the message's
 * {@link InboundMessage#ourAddress()}. The hub stores it with the message and, when it answers on this address, sets
 * {@code OutboundMessage.replyFrom} to it.
 *
 * <p>A body that is exactly an opt-out keyword (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) also yields a
 * {@link ReachabilityChange} to unreachable, an opt-in keyword (START, YES, UNSTOP) one to reachable, after the
 * message. A payload without MessageSid or From, or from another Twilio channel (WhatsApp), is unprocessable.
 */
public final class TwilioInboundParser {

    /** What the inbound webhook answers once the message is committed: TwiML that does nothing. */
    public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    public static final String TWIML_CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{4,14}");
    private static final Pattern SHORT_CODE = Pattern.compile("\\d{3,8}");
    private static final int MAX_MEDIA = 10;

    private final TwilioMediaFetcher media;
    private final Clock clock;

    public TwilioInboundParser(TwilioMediaFetcher media, Clock clock) {
        this.media = media;
        this.clock = clock;
    }

    /**
     * The events of one inbound webhook: the message, then a reachability change for an opt-out/opt-in keyword.
     *
     * @throws UnprocessablePayloadException when the payload can never become a message: acknowledge and keep aside
     * @throws IOException                   when the media cannot be downloaded now: a passing failure
     */
    public List<ChannelEvent> parse(Map<String, List<String>> form) throws UnprocessablePayloadException, IOException {
        return parse(form, clock.instant());
    }

    /** As {@link #parse(Map)} with the time the message was sent (the reconciler knows it; the webhook does not). */
    public List<ChannelEvent> parse(Map<String, List<String>> form, Instant sentAt)
            throws UnprocessablePayloadException, IOException {
        String sid = TwilioForm.first(form, "MessageSid");
        if (sid == null) {
            sid = TwilioForm.first(form, "SmsMessageSid");
        }
        if (sid == null) {
            throw new UnprocessablePayloadException("Twilio inbound message without MessageSid");
        }
        String fromRaw = TwilioForm.first(form, "From");
        if (fromRaw == null) {
            throw new UnprocessablePayloadException("Twilio inbound message " + sid + " without From");
        }
        Address from = phone(fromRaw, "From", sid);
        String to = TwilioForm.first(form, "To");
        if (to != null) {
            phone(to, "To", sid);
        }
        String body = TwilioForm.raw(form, "Body");
        String text = body == null ? "" : body.strip();

        List<Attachment> attachments = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        fetchMedia(form, sid, attachments, refused);

        InboundMessage message = new InboundMessage(ChannelKind.SMS, from, SenderProfile.named(null), sid, text, null,
                null, ThreadHint.NONE, attachments, sentAt, false, false, refused, to);

        List<ChannelEvent> events = new ArrayList<>();
        events.add(message);
        Optional<SmsKeywords.Kind> keyword = SmsKeywords.classify(text);
        keyword.ifPresent(kind -> events.add(kind == SmsKeywords.Kind.OPT_OUT
                ? new ReachabilityChange(ChannelKind.SMS, from, false,
                        "opted out by replying " + text.toUpperCase(Locale.ROOT), sentAt)
                : new ReachabilityChange(ChannelKind.SMS, from, true, null, sentAt)));
        return events;
    }

    private void fetchMedia(Map<String, List<String>> form, String sid, List<Attachment> attachments,
                            List<String> refused) throws UnprocessablePayloadException, IOException {
        String num = TwilioForm.first(form, "NumMedia");
        int count;
        try {
            count = num == null ? 0 : Integer.parseInt(num);
        } catch (NumberFormatException e) {
            throw new UnprocessablePayloadException("Twilio inbound message " + sid + " has NumMedia '" + num + "'");
        }
        if (count < 0 || count > MAX_MEDIA) {
            throw new UnprocessablePayloadException("Twilio inbound message " + sid + " has NumMedia " + count
                    + " (Twilio sends at most " + MAX_MEDIA + ")");
        }
        for (int i = 0; i < count; i++) {
            String url = TwilioForm.first(form, "MediaUrl" + i);
            if (url == null) {
                throw new UnprocessablePayloadException("Twilio inbound message " + sid + " says NumMedia " + count
                        + " but has no MediaUrl" + i);
            }
            TwilioMediaFetcher.MediaResult result = media.fetch(url, TwilioForm.first(form, "MediaContentType" + i));
            if (result.attachment() != null) {
                attachments.add(result.attachment());
            } else {
                refused.add(result.refusal());
            }
        }
    }

    private static Address phone(String raw, String field, String sid) throws UnprocessablePayloadException {
        int colon = raw.indexOf(':');
        if (colon > 0) {
            String channel = raw.substring(0, colon).toLowerCase(Locale.ROOT);
            throw new UnprocessablePayloadException(channel.equals("whatsapp")
                    ? "WhatsApp is not a supported channel (Twilio message " + sid + " " + field + " " + raw + ")"
                    : "Twilio channel '" + channel + "' is not supported (message " + sid + " " + field + " " + raw + ")");
        }
        if (!E164.matcher(raw).matches() && !SHORT_CODE.matcher(raw).matches()) {
            throw new UnprocessablePayloadException("Twilio message " + sid + " has " + field + " '" + raw
                    + "', which is not a phone number");
        }
        return Address.phone(raw);
    }
}
