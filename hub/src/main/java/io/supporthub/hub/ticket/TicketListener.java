package io.supporthub.hub.ticket;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.group.Group;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Told of ticket changes inside the transaction that makes them, so what it writes (notifications in the outbox)
 * commits or rolls back with the change.
 */
public interface TicketListener {

    /** A new ticket, registered by a customer's message ({@link Actor#CUSTOMER_MESSAGE}) or opened by an agent. */
    default void created(Handle handle, Ticket ticket, Actor actor, AfterCommit afterCommit) {
    }

    default void statusChanged(Handle handle, Ticket before, TicketStatus to, Actor actor, AfterCommit afterCommit) {
    }

    /** An agent assigned the ticket to {@code assignee} (never called for unassigning). */
    default void assigned(Handle handle, Ticket ticket, Agent assignee, Agent by, AfterCommit afterCommit) {
    }

    /** An employee's public reply to the customer was queued on the ticket (not a notification or a bot's message). */
    default void agentReplied(Handle handle, Ticket ticket, long agentId, AfterCommit afterCommit) {
    }

    /** An agent changed the ticket's fields; {@code fields} names them ("type", "priority", "company", ...). */
    default void fieldsChanged(Handle handle, Ticket before, Set<String> fields, AfterCommit afterCommit) {
    }

    /** An agent set the planned resolution time by hand, or (null) returned it to the computed time. */
    default void resolutionDueSet(Handle handle, Ticket ticket, Instant dueAt, AfterCommit afterCommit) {
    }

    /** The customer wrote on the ticket (not an auto-reply), the message stored. */
    default void customerWrote(Handle handle, Ticket ticket, String text, AfterCommit afterCommit) {
    }

    /** An agent wrote an internal note on the ticket. */
    default void noteAdded(Handle handle, Ticket ticket, Agent author, String text, AfterCommit afterCommit) {
    }

    /**
     * The ticket arrived, unassigned, in the group's queue: registered there, moved, escalated or sent back there, or
     * unassigned while in it. {@code toTell} are the active employees on the group's notification list, without the
     * one who put it there (never empty when this is called).
     */
    default void arrivedUnassigned(Handle handle, Ticket ticket, Group group, List<Agent> toTell, AfterCommit afterCommit) {
    }
}
