package io.supporthub.hub.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Figures derived from a ticket's timeline. Resolution time is the time the ticket spent outside Resolved and
 * Closed: from creation, paused while archived, resumed by a reopen, until now if it is still open.
 */
public final class TicketClock {

    /** A status the ticket entered at a moment, in timeline order (the first is the creation). */
    public record StatusChange(Instant at, TicketStatus status) {
    }

    private TicketClock() {
    }

    public static Duration resolutionTime(List<StatusChange> changes, Instant now) {
        Duration total = Duration.ZERO;
        Instant openSince = null;
        for (StatusChange change : changes) {
            if (change.status().isOpenType()) {
                if (openSince == null) {
                    openSince = change.at();
                }
            } else if (openSince != null) {
                total = total.plus(Duration.between(openSince, change.at()));
                openSince = null;
            }
        }
        if (openSince != null && now.isAfter(openSince)) {
            total = total.plus(Duration.between(openSince, now));
        }
        return total;
    }
}
