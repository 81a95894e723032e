package io.supporthub.hub.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a ticket once resolved, as the ticket page tells the agent: it closes by itself {@code autoCloseAfter}
 * after being resolved (AUTO_CLOSE_DAYS), and a message from the customer reopens it until {@code reopenWindow} after
 * it was archived (REOPEN_WINDOW_DAYS, {@link ReopenPolicy}); later, the message opens a follow-up ticket.
 */
public record AfterResolution(Duration autoCloseAfter, Duration reopenWindow) {

    /** When a ticket resolved at {@code resolvedAt} closes by itself. */
    public Instant closesAt(Instant resolvedAt) {
        return resolvedAt.plus(autoCloseAfter);
    }

    /** Until when a customer's message reopens a ticket archived at {@code archivedAt}. */
    public Instant reopensUntil(Instant archivedAt) {
        return archivedAt.plus(reopenWindow);
    }
}
