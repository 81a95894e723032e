package io.supporthub.hub.ticket;

import java.time.Instant;

/** Schedules the per-ticket timers (implemented with Quartz). Jobs re-check the ticket before acting. */
public interface TicketTimers {

    void wakeAt(long ticketId, Instant at);

    void autoCloseAt(long ticketId, Instant at);
}
