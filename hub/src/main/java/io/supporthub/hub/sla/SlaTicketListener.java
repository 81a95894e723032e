package io.supporthub.hub.sla;

import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.ticket.Actor;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketListener;
import io.supporthub.hub.ticket.TicketStatus;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Keeps tickets' SLA in step with their changes, inside the transaction that makes them (the ticket's row is locked
 * by every path that tells a listener): terms and planned times on registration, the response, pauses and resumes,
 * the terms chosen again when the type, priority or company change, a resolution time set by hand.
 */
public final class SlaTicketListener implements TicketListener {

    /** The fields a rule's conditions read: a change of one chooses the terms again. */
    private static final Set<String> RULE_FIELDS = Set.of("type", "priority", "company");

    private final TicketSlaWriter writer;
    private final Clock clock;

    public SlaTicketListener(TicketSlaWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** A customer's message registered its ticket with its SLA already ({@link SlaRegistration}, in the insert). */
    @Override
    public void created(Handle handle, Ticket ticket, Actor actor, AfterCommit afterCommit) {
        if (actor != Actor.CUSTOMER_MESSAGE) {
            writer.registered(handle, ticket.id(), clock.instant());
        }
    }

    @Override
    public void statusChanged(Handle handle, Ticket before, TicketStatus to, Actor actor, AfterCommit afterCommit) {
        writer.statusChanged(handle, before.id(), actor == Actor.AGENT, clock.instant());
    }

    @Override
    public void agentReplied(Handle handle, Ticket ticket, long agentId, AfterCommit afterCommit) {
        writer.responded(handle, ticket.id(), clock.instant());
    }

    @Override
    public void fieldsChanged(Handle handle, Ticket before, Set<String> fields, AfterCommit afterCommit) {
        if (fields.stream().anyMatch(RULE_FIELDS::contains)) {
            writer.reselect(handle, before.id(), clock.instant());
        }
    }

    @Override
    public void resolutionDueSet(Handle handle, Ticket ticket, Instant dueAt, AfterCommit afterCommit) {
        writer.resolutionDueByHand(handle, ticket.id(), dueAt, clock.instant());
    }
}
