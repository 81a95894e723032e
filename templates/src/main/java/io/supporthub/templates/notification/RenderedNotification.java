package io.supporthub.templates.notification;

/**
 * A notification ready to send.
 *
 * @param subject the email subject (plain text, without the ticket marker: the email channel adds {@code [#N]})
 * @param text    plain text: the SMS or messenger message, and the text part of the email
 * @param html    the HTML part of the email, the same text escaped with its links made clickable
 */
public record RenderedNotification(String subject, String text, String html) {
}
