package io.supporthub.hub.ticket;

import org.jdbi.v3.core.Handle;

/**
 * Told of ticket changes inside the transaction that makes them, so what it writes (notifications in the outbox)
 * commits or rolls back with the change.
 */
public interface TicketListener {

    default void created(Handle handle, Ticket ticket, AfterCommit afterCommit) {
    }

    default void statusChanged(Handle handle, Ticket before, TicketStatus to, Actor actor, AfterCommit afterCommit) {
    }
}
