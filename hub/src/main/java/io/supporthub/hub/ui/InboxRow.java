package io.supporthub.hub.ui;

import io.supporthub.hub.ticket.TicketSummary;

import java.time.Instant;

/** One inbox line, formatted for the template. */
public record InboxRow(long id, long number, String subject, String channel, String channelLabel, String customer,
                       String excerpt, String waited, String waitedTitle, boolean unread, boolean isNew, String status,
                       String statusLabel, String statusColor, String priority, String priorityColor, String assignee, Long assigneeId, String lastActivity,
                       int line, boolean watched, DueText due) {

    static InboxRow of(TicketSummary t, Instant now, CatalogLook look, java.time.ZoneId zone) {
        return of(t, now, look, zone, false, null);
    }

    /**
     * {@code watched}: the agent looking observes the ticket (an eye on the row); {@code due}: its SLA due time, null
     * when it has none.
     */
    static InboxRow of(TicketSummary t, Instant now, CatalogLook look, java.time.ZoneId zone, boolean watched, DueText due) {
        boolean isNew = "open".equals(t.status()) && t.firstResponseAt() == null && t.assignee() == null;
        boolean customerLast = t.lastMessageFromCustomer() && !"resolved".equals(t.status()) && !"closed".equals(t.status());
        String waited = t.waitingSince() == null ? "" : Format.since(t.waitingSince(), now);
        return new InboxRow(t.id(), t.number(), t.subject(), t.channel(), Format.channelLabel(t.channel()),
                t.contact().name() == null || t.contact().name().isBlank() ? firstAddress(t) : t.contact().name(),
                t.excerpt() == null ? "" : t.excerpt().replaceAll("\\s+", " ").strip(), waited,
                t.waitingSince() == null ? "" : "Waiting since " + Format.dayTime(t.waitingSince(), zone),
                isNew || customerLast, isNew, t.status(),
                t.statusLabel() != null ? t.statusLabel() : Format.label(t.status()), look.statusColorOf(t.statusLabel()),
                t.priority(), look.colorOf(t.priority()),
                t.assignee() == null ? null : t.assignee().name(), t.assignee() == null ? null : t.assignee().id(),
                Format.since(t.lastMessageAt(), now), t.line(), watched, due);
    }

    private static String firstAddress(TicketSummary t) {
        return t.contact().addresses().isEmpty() ? "Unknown customer" : t.contact().addresses().get(0).value();
    }
}
