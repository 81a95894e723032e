package io.supporthub.bot;

import java.util.Objects;

/**
 * A ticket as the customer sees it in the bot.
 *
 * @param id          the ticket's database id (goes into button data)
 * @param number      the number customers quote
 * @param status      the base status wire name: open, pending, awaiting_reply, postponed, resolved, closed
 * @param statusLabel a custom status's name, or null to show the base status's label in the customer's language
 */
public record TicketSummary(long id, long number, String subject, String status, String statusLabel) {
    public TicketSummary {
        Objects.requireNonNull(status, "status");
        subject = subject == null ? "" : subject;
    }

    public boolean isClosed() {
        return "closed".equals(status);
    }

    /** Resolved or Closed: out of the open-type states. */
    public boolean isArchived() {
        return "resolved".equals(status) || "closed".equals(status);
    }
}
