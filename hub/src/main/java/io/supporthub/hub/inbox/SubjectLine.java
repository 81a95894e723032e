package io.supporthub.hub.inbox;

import io.supporthub.channels.InboundMessage;

/** The subject of a ticket opened by a message: its own subject, else its first line, else what it carries. */
final class SubjectLine {

    private static final int MAX = 90;

    private SubjectLine() {
    }

    static String of(InboundMessage message) {
        if (message.subject() != null && !message.subject().isBlank()) {
            return shorten(message.subject().strip());
        }
        String text = message.text().strip();
        if (!text.isEmpty()) {
            int newline = text.indexOf('\n');
            return shorten(newline < 0 ? text : text.substring(0, newline).strip());
        }
        if (!message.attachments().isEmpty()) {
            return message.attachments().get(0).isImage() ? "Photo" : message.attachments().get(0).fileName();
        }
        return "Message from " + message.channel().wireName();
    }

    private static String shorten(String line) {
        if (line.length() <= MAX) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX - 1);
        return line.substring(0, cut > MAX / 2 ? cut : MAX - 1) + "…";
    }
}
