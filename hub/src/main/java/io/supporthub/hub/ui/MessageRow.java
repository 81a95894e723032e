package io.supporthub.hub.ui;

import io.supporthub.hub.message.AttachmentInfo;
import io.supporthub.hub.ticket.TicketDetail.MessageView;

import java.time.Instant;
import java.util.List;

/** A message of the thread, formatted for the template. Text is shown escaped; email HTML only in a sandbox. */
public record MessageRow(long id, String kind, String channel, String channelLabel, String author, Long authorAgentId,
                         String text,
                         String html, String time, String ago, String deliveryState, String deliveryError,
                         boolean edited, boolean automated, boolean ratingComment, List<FileRow> files,
                         String senderWarning) {

    /** An attachment link. */
    public record FileRow(long id, String name, String size, String contentType) {
    }

    static MessageRow of(MessageView m, Instant now, java.time.ZoneId zone) {
        String kind = "internal".equals(m.visibility()) ? "note" : "in".equals(m.direction()) ? "customer" : "agent";
        List<FileRow> files = m.attachments().stream().filter(a -> !a.inline() || m.html() == null)
                .map(MessageRow::file).toList();
        String author = m.author() != null ? m.author() : "in".equals(m.direction()) ? "Customer" : "System";
        return new MessageRow(m.id(), kind, m.channel(), Format.channelLabel(m.channel()), author, m.authorAgentId(),
                m.text() == null ? "" : m.text(), m.html(), Format.dayTime(m.createdAt(), zone), Format.since(m.createdAt(), now),
                "agent".equals(kind) ? m.deliveryState() : null, m.deliveryError(), m.edited(), m.automated(),
                m.ratingComment(), files, senderWarning(m));
    }

    /** Why the sender of a mail may not be who it says, from the receiving server's checks; null when none failed. */
    private static String senderWarning(MessageView m) {
        if (m.senderChecksFailed().isEmpty()) {
            return null;
        }
        String server = m.senderAuthentication().server();
        return "The sender may not be who they say: " + String.join(", ", m.senderChecksFailed())
                + (server == null ? "" : " (checked by " + server + ")");
    }

    private static FileRow file(AttachmentInfo a) {
        return new FileRow(a.id(), a.fileName() == null ? "attachment-" + a.id() : a.fileName(), size(a.sizeBytes()),
                a.contentType());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
