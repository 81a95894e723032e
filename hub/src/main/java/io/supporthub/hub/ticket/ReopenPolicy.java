package io.supporthub.hub.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a customer's message does to the resolved or closed ticket it threads to: reopen it when it comes strictly
 * less than {@code reopenWindow} after the ticket was archived (last left the open-type states), otherwise open a
 * follow-up ticket. Resolved becoming Closed later does not restart the window.
 */
public final class ReopenPolicy {

    public enum Decision { JOIN, REOPEN, FOLLOW_UP }

    private final Duration reopenWindow;

    public ReopenPolicy(Duration reopenWindow) {
        this.reopenWindow = Objects.requireNonNull(reopenWindow);
    }

    public Decision decide(TicketStatus status, Instant archivedAt, Instant now) {
        if (status.isOpenType()) {
            return Decision.JOIN;
        }
        if (archivedAt == null) {
            return Decision.REOPEN;
        }
        return Duration.between(archivedAt, now).compareTo(reopenWindow) < 0 ? Decision.REOPEN : Decision.FOLLOW_UP;
    }

    public Duration reopenWindow() {
        return reopenWindow;
    }
}
