package io.supporthub.hub.ticket;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.group.Group;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Status changes of one ticket within a transaction: checks the transition table, writes the status and its
 * timestamps, records the event, schedules the timers and tells the listeners.
 */
public final class TicketOps {

    private final Clock clock;
    private final Duration autoCloseAfter;
    private final TicketTimers timers;
    private final List<TicketListener> listeners;
    private final java.util.function.LongConsumer changed;

    /** @param changed told, after commit, of every ticket a transaction changed (live updates on agents' pages) */
    public TicketOps(Clock clock, Duration autoCloseAfter, TicketTimers timers, List<TicketListener> listeners,
                     java.util.function.LongConsumer changed) {
        this.changed = changed;
        this.clock = clock;
        this.autoCloseAfter = autoCloseAfter;
        this.timers = timers;
        this.listeners = List.copyOf(listeners);
    }

    /** Announces, once the transaction commits, that the ticket changed. */
    public void announce(AfterCommit afterCommit, long ticketId) {
        afterCommit.add(() -> changed.accept(ticketId));
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration autoCloseAfter() {
        return autoCloseAfter;
    }

    /** A status change the caller has already decided; the table is checked here. */
    public void changeStatus(Handle handle, Ticket ticket, StatusTarget target, Actor actor, Long agentId,
                             AfterCommit afterCommit) {
        TicketStatus from = ticket.baseStatus();
        TicketStatus to = target.status();
        boolean sameVariantChange = from == to && !java.util.Objects.equals(ticket.customStatusId(), target.customStatusId());
        boolean postponeMoved = from == TicketStatus.POSTPONED && to == TicketStatus.POSTPONED
                && target.postponedUntil() != null && !target.postponedUntil().equals(ticket.postponedUntil());
        if (!sameVariantChange && !postponeMoved) {
            TransitionPolicy.check(from, to, actor);
        }
        if (to == TicketStatus.POSTPONED) {
            if (target.postponedUntil() == null) {
                throw new IllegalArgumentException("postponing needs 'until', the time the ticket returns to open");
            }
            if (!target.postponedUntil().isAfter(now())) {
                throw new IllegalArgumentException("'until' must be in the future");
            }
        }
        Instant now = now();
        new TicketQueries(handle).setStatus(ticket, to, target.customStatusId(), target.postponedUntil(), now);
        boolean reopening = !from.isOpenType() && to.isOpenType();
        String kind = reopening ? "reopened" : "status_changed";
        Map<String, Object> detail = new LinkedHashMap<>();
        // The custom statuses and the new status's pause flag as they are now: the SLA clock reads its history from them.
        if (ticket.customStatusId() != null) {
            StatusFlags.Recorded before = StatusFlags.now(handle, from, ticket.customStatusId());
            if (before.customStatus() != null) {
                detail.put("fromCustomStatus", before.customStatus());
            }
        }
        StatusFlags.Recorded after = StatusFlags.now(handle, to, target.customStatusId());
        if (after.customStatus() != null) {
            detail.put("toCustomStatus", after.customStatus());
        }
        if (to.isOpenType()) {
            detail.put("pausesSla", after.pausesSla());
        }
        if (to == TicketStatus.POSTPONED) {
            detail.put("until", target.postponedUntil().toString());
        }
        boolean unassigned = false;
        if (reopening) {
            detail.put("by", reopenedBy(actor));
            if (ticket.archivedAt() != null) {
                // How long after it was archived (resolved or closed) the customer came back: "2 days after resolution".
                detail.put("archivedAt", ticket.archivedAt().toString());
                detail.put("afterSeconds", Math.max(0, Duration.between(ticket.archivedAt(), now).toSeconds()));
            }
            unassigned = Ownership.backToLastAssignee(handle, ticket, detail);
        }
        new TicketQueries(handle).addEvent(ticket.id(), kind, actorName(actor), agentId, from.wireName(), to.wireName(),
                detail.isEmpty() ? null : json(detail), now);
        if (to == TicketStatus.POSTPONED) {
            Instant until = target.postponedUntil();
            afterCommit.add(() -> timers.wakeAt(ticket.id(), until));
        }
        if (to == TicketStatus.RESOLVED) {
            Instant closeAt = now.plus(autoCloseAfter);
            afterCommit.add(() -> timers.autoCloseAt(ticket.id(), closeAt));
        }
        announce(afterCommit, ticket.id());
        for (TicketListener listener : listeners) {
            listener.statusChanged(handle, ticket, to, actor, afterCommit);
        }
        if (unassigned) {
            arrivedIfUnassigned(handle, ticket.id(), agentId, afterCommit);
        }
    }

    private static String reopenedBy(Actor actor) {
        return switch (actor) {
            case CUSTOMER_MESSAGE -> "message";
            case CUSTOMER_NOT_SOLVED -> "not_solved";
            case AGENT -> "agent";
            default -> actorName(actor);
        };
    }

    public void created(Handle handle, Ticket ticket, Actor actor, Long agentId, Map<String, Object> detail,
                        AfterCommit afterCommit) {
        Map<String, Object> recorded = new LinkedHashMap<>(detail);
        recorded.put("pausesSla", StatusFlags.now(handle, TicketStatus.OPEN, null).pausesSla());
        new TicketQueries(handle).addEvent(ticket.id(), "created", actorName(actor), agentId, null, "open",
                json(recorded), ticket.createdAt());
        announce(afterCommit, ticket.id());
        for (TicketListener listener : listeners) {
            listener.created(handle, ticket, actor, afterCommit);
        }
        arrivedIfUnassigned(handle, ticket.id(), agentId, afterCommit);
    }

    /**
     * Tells the listeners, after a change that may have put the ticket in a group's queue (registration, a move, an
     * escalation, unassigning), if it now waits there with nobody responsible and someone is on the group's notification
     * list to hear it: its active members, except {@code byAgentId}, who did it.
     */
    public void arrivedIfUnassigned(Handle handle, long ticketId, Long byAgentId, AfterCommit afterCommit) {
        Ticket ticket = new TicketQueries(handle).find(ticketId).orElseThrow();
        if (ticket.assigneeId() != null) {
            return;
        }
        Optional<Group> group = new GroupQueries(handle).ofTicket(ticketId);
        if (group.isEmpty() || group.get().notifyList().isEmpty()) {
            return;
        }
        AgentQueries agents = new AgentQueries(handle);
        List<Agent> toTell = group.get().notifyList().stream()
                .filter(id -> !id.equals(byAgentId))
                .flatMap(id -> agents.find(id).filter(Agent::active).stream())
                .toList();
        if (toTell.isEmpty()) {
            return;
        }
        for (TicketListener listener : listeners) {
            listener.arrivedUnassigned(handle, ticket, group.get(), toTell, afterCommit);
        }
    }

    public void assigned(Handle handle, Ticket ticket, Agent assignee,
                         Agent by, AfterCommit afterCommit) {
        for (TicketListener listener : listeners) {
            listener.assigned(handle, ticket, assignee, by, afterCommit);
        }
    }

    public void noteAdded(Handle handle, Ticket ticket, Agent author, String text,
                          AfterCommit afterCommit) {
        for (TicketListener listener : listeners) {
            listener.noteAdded(handle, ticket, author, text, afterCommit);
        }
    }

    public void agentReplied(Handle handle, Ticket ticket, long agentId, AfterCommit afterCommit) {
        for (TicketListener listener : listeners) {
            listener.agentReplied(handle, ticket, agentId, afterCommit);
        }
    }

    public void fieldsChanged(Handle handle, Ticket before, java.util.Set<String> fields, AfterCommit afterCommit) {
        for (TicketListener listener : listeners) {
            listener.fieldsChanged(handle, before, fields, afterCommit);
        }
    }

    /** An agent's planned resolution time (null: back to the computed one); the ticket must be open-type. */
    public void setResolutionDue(Handle handle, Ticket ticket, Instant dueAt, Long agentId, AfterCommit afterCommit) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("resolutionDueAt", dueAt == null ? null : dueAt.toString());
        new TicketQueries(handle).addEvent(ticket.id(), "resolution_due_set", "agent", agentId, null, null, json(detail), now());
        for (TicketListener listener : listeners) {
            listener.resolutionDueSet(handle, ticket, dueAt, afterCommit);
        }
        announce(afterCommit, ticket.id());
    }

    public void customerWrote(Handle handle, Ticket ticket, String text, AfterCommit afterCommit) {
        for (TicketListener listener : listeners) {
            listener.customerWrote(handle, ticket, text, afterCommit);
        }
    }

    public static String actorName(Actor actor) {
        return switch (actor) {
            case AGENT -> "agent";
            case CUSTOMER_MESSAGE, CUSTOMER_CONFIRMS, CUSTOMER_CLOSES, CUSTOMER_NOT_SOLVED -> "customer";
            case POSTPONE_TIMER, AUTO_CLOSE -> "system";
        };
    }

    public static String json(Map<String, ?> detail) {
        try {
            return Json.MAPPER.writeValueAsString(detail);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a status change goes: a base state, optionally a custom variant of it, and the postpone time. */
    public record StatusTarget(TicketStatus status, Long customStatusId, Instant postponedUntil) {

        public static StatusTarget of(TicketStatus status) {
            return new StatusTarget(status, null, null);
        }
    }
}
