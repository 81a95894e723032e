package io.supporthub.channels;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message from a customer, in the shape every channel shares.
 *
 * @param channel     the channel it came on
 * @param from        the address it came from (replies go back there)
 * @param sender      name, language and further addresses of the sender
 * @param externalId  the provider's id, unique within the channel: a redelivery carries the same one
 * @param text        plain text, possibly empty when the message is only attachments
 * @param html        sanitised HTML when the provider sent HTML (email), else null
 * @param subject     a subject line when the channel has one, else null; kept as {@link DisplayText#subject} makes it
 * @param threadHint  provider threading data: for email the ids of In-Reply-To and References
 * @param attachments files carried by the message
 * @param sentAt      when the provider says it was sent
 * @param edit        true when this replaces the text of the message with the same external id
 * @param automated   true for auto-replies, bounces and list mail: stored, but never reopens or acknowledges
 * @param refusedAttachments files the channel did not take (over the size limit), each described for the customer,
 *                    e.g. "video.mp4 (35 MB)": the hub answers politely
 * @param ourAddress  the address of ours it was written to, when the channel has several (the Twilio number an SMS
 *                    was sent to), else null: replies on the same address go out from it
 * @param senderAuthentication what the receiving mail server found checking the sender (SPF, DKIM, DMARC), or null
 *                    when the channel has no such checks or the server recorded none
 */
public record InboundMessage(
        ChannelKind channel,
        Address from,
        SenderProfile sender,
        String externalId,
        String text,
        String html,
        String subject,
        ThreadHint threadHint,
        List<Attachment> attachments,
        Instant sentAt,
        boolean edit,
        boolean automated,
        List<String> refusedAttachments,
        String ourAddress,
        SenderAuthentication senderAuthentication) implements ChannelEvent {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.isBlank()) {
            throw new IllegalArgumentException("externalId must not be blank");
        }
        sender = sender == null ? SenderProfile.named(null) : sender;
        // PostgreSQL refuses NUL in text; mis-declared charsets (UTF-16 read as Latin-1) are full of them.
        text = text == null ? "" : withoutNul(text);
        html = html == null ? null : withoutNul(html);
        subject = DisplayText.subject(subject);
        threadHint = threadHint == null ? ThreadHint.NONE : threadHint;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        refusedAttachments = refusedAttachments == null ? List.of() : List.copyOf(refusedAttachments);
        ourAddress = ourAddress == null || ourAddress.isBlank() ? null : ourAddress.strip();
    }

    /** A message that went through no sender checks. */
    public InboundMessage(ChannelKind channel, Address from, SenderProfile sender, String externalId, String text,
                          String html, String subject, ThreadHint threadHint, List<Attachment> attachments,
                          Instant sentAt, boolean edit, boolean automated, List<String> refusedAttachments,
                          String ourAddress) {
        this(channel, from, sender, externalId, text, html, subject, threadHint, attachments, sentAt, edit, automated,
                refusedAttachments, ourAddress, null);
    }

    /** A message on a channel where we have one address only. */
    public InboundMessage(ChannelKind channel, Address from, SenderProfile sender, String externalId, String text,
                          String html, String subject, ThreadHint threadHint, List<Attachment> attachments,
                          Instant sentAt, boolean edit, boolean automated, List<String> refusedAttachments) {
        this(channel, from, sender, externalId, text, html, subject, threadHint, attachments, sentAt, edit, automated,
                refusedAttachments, null, null);
    }

    private static String withoutNul(String value) {
        return value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    /** A plain text message, the common case on messengers and SMS. */
    public static InboundMessage text(ChannelKind channel, Address from, SenderProfile sender,
                                      String externalId, String text, Instant sentAt) {
        return new InboundMessage(channel, from, sender, externalId, text, null, null, null, List.of(), sentAt, false, false, List.of());
    }

    public InboundMessage asEdit() {
        return new InboundMessage(channel, from, sender, externalId, text, html, subject, threadHint, attachments, sentAt, true, automated, refusedAttachments, ourAddress, senderAuthentication);
    }

    public InboundMessage withSubject(String newSubject) {
        return new InboundMessage(channel, from, sender, externalId, text, html, newSubject, threadHint, attachments, sentAt, edit, automated, refusedAttachments, ourAddress, senderAuthentication);
    }
}
