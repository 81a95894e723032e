package io.supporthub.channels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One message to send to a customer.
 *
 * @param messageId   our id of the stored message (providers echo it back in some callbacks)
 * @param to          the customer's address on the channel
 * @param text        plain text (always present)
 * @param html        HTML body for channels that can show it (email), or null
 * @param subject     subject for channels that have one (email), or null
 * @param ticketNumber the ticket the message belongs to, for markers in subjects
 * @param threadHint  the provider ids the message replies to (email In-Reply-To / References)
 * @param attachments files to send
 * @param buttons     quick-reply buttons (bot menus), rendered by channels that support them
 * @param replyFrom   the address of ours the customer wrote to (a Twilio number), or null for the default
 * @param deliveredParts the provider ids of the parts already delivered by an earlier attempt, in order (null where the
 *                    provider named none): a channel that sends a message in parts resumes after them
 */
public record OutboundMessage(
        long messageId,
        Address to,
        String text,
        String html,
        String subject,
        Long ticketNumber,
        ThreadHint threadHint,
        List<Attachment> attachments,
        List<Button> buttons,
        String replyFrom,
        List<String> deliveredParts) {

    public OutboundMessage {
        Objects.requireNonNull(to, "to");
        text = text == null ? "" : text;
        threadHint = threadHint == null ? ThreadHint.NONE : threadHint;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        deliveredParts = deliveredParts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(deliveredParts));
    }

    /** A message none of whose parts went out yet. */
    public OutboundMessage(long messageId, Address to, String text, String html, String subject, Long ticketNumber,
                           ThreadHint threadHint, List<Attachment> attachments, List<Button> buttons, String replyFrom) {
        this(messageId, to, text, html, subject, ticketNumber, threadHint, attachments, buttons, replyFrom, List.of());
    }

    /** The same message, its first parts already delivered with these provider ids. */
    public OutboundMessage resumingAfter(List<String> delivered) {
        return new OutboundMessage(messageId, to, text, html, subject, ticketNumber, threadHint, attachments, buttons,
                replyFrom, delivered);
    }

    /** How many of its parts went out before: the part to send first. */
    public int partsDelivered() {
        return deliveredParts.size();
    }

    public static OutboundMessage text(long messageId, Address to, String text) {
        return new OutboundMessage(messageId, to, text, null, null, null, null, List.of(), List.of(), null);
    }

    /** A button the customer can press: its label and the data the channel sends back. */
    public record Button(String label, String data) {
    }
}
