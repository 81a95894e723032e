package io.supporthub.hub.ticket;

import java.time.Instant;

/**
 * The due-time side of a ticket list ({@code ticket.sla_due_at}, the nearest unmet planned time while the SLA clock
 * runs): a window {@code [from, before)} ({@code sla=overdue|due_today}; null ends: open), and the due-time order
 * ({@code sort=due}: nearest first, then the tickets without a due time in the usual order). {@code afterDueAt}: the
 * cursor's due time while the page is still among the rows that have one (its id is the filter's {@code afterId}).
 */
public record DueListing(boolean sorted, Instant from, Instant before, Instant afterDueAt) {

    public static final DueListing NONE = new DueListing(false, null, null, null);

    /** Whether the list keeps only tickets with a due time in a window. */
    public boolean windowed() {
        return from != null || before != null;
    }
}
