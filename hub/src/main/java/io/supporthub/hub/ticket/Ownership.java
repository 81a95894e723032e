package io.supporthub.hub.ticket;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.agent.Assignees;
import io.supporthub.hub.db.AfterCommit;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who has a ticket, beyond assigning by hand: a reply or a resolve takes an unassigned ticket, "take" assigns it to
 * oneself, and a reopen keeps (gives back) the last assignee while they are active. Every path that makes someone
 * responsible takes their row lock before the ticket's ({@link Assignees}); taking is a {@code took} event.
 */
final class Ownership {

    private final TicketOps ops;

    Ownership(TicketOps ops) {
        this.ops = ops;
    }

    /**
     * The acting agent's own row, locked, when the ticket has no assignee as last committed: a reply or a resolve may
     * make them its assignee, and the assignee's lock comes before the ticket's (see {@link Assignees}). Null when the
     * ticket has an assignee (nothing to take) or does not exist (the caller's lock answers 404).
     */
    static Agent lockIfUnassigned(Handle handle, long ticketId, Agent agent) {
        Optional<Ticket> seen = new TicketQueries(handle).find(ticketId);
        return seen.isPresent() && seen.get().assigneeId() == null ? Assignees.lock(handle, agent.id()) : null;
    }

    /**
     * Makes the agent whose row {@link #lockIfUnassigned} locked the assignee of the (locked) ticket if it still has
     * none and they are active, with a {@code took} event saying why ({@code replied} or {@code resolved}).
     */
    void takeIfUnassigned(Handle handle, Ticket locked, Agent taker, String reason) {
        if (taker == null || !taker.active() || locked.assigneeId() != null) {
            return;
        }
        new TicketQueries(handle).setAssignee(locked.id(), taker.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        detail.put("assignee", agentRef(taker));
        new TicketQueries(handle).addEvent(locked.id(), "took", "agent", taker.id(), null, null, TicketOps.json(detail),
                ops.now());
    }

    /** {@link TicketService#take} within its transaction. */
    boolean take(Handle handle, long ticketId, Agent agent, AfterCommit afterCommit) {
        // The assignee's lock before the ticket's; a disabled agent cannot take tickets.
        Agent taker = Assignees.lockActive(handle, agent.id());
        Ticket ticket = TicketService.lockOpenForAgent(handle, ticketId);
        if (ticket.assigneeId() != null && ticket.assigneeId() == taker.id()) {
            return false;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", "take");
        if (ticket.assigneeId() != null) {
            detail.put("from", new AgentQueries(handle).find(ticket.assigneeId()).map(Ownership::agentRef)
                    .orElse(null));
        }
        detail.put("assignee", agentRef(taker));
        new TicketQueries(handle).setAssignee(ticketId, taker.id());
        new TicketQueries(handle).touch(ticketId, ops.now());
        new TicketQueries(handle).addEvent(ticketId, "took", "agent", taker.id(), null, null, TicketOps.json(detail),
                ops.now());
        ops.assigned(handle, ticket, taker, taker, afterCommit);
        ops.announce(afterCommit, ticketId);
        return true;
    }

    static Map<String, Object> agentRef(Agent agent) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("id", agent.id());
        ref.put("name", agent.name());
        return ref;
    }

    /**
     * A reopened ticket goes back to its last assignee (it keeps the one it had when archived) if they are still
     * active; a disabled one is dropped, and the ticket waits unassigned in its group. True when it is now unassigned,
     * which makes it an arrival in its group's queue. The ticket is locked already (threading a message locks it before
     * it knows it will reopen), so the agent's row is read {@code for share}: a disable in flight (which holds it for
     * update) is waited for and then seen; should that disable wait for this very ticket, PostgreSQL breaks the
     * deadlock and {@code Transactions} runs the loser again.
     */
    static boolean backToLastAssignee(Handle handle, Ticket ticket, Map<String, Object> detail) {
        if (ticket.assigneeId() == null) {
            return true;
        }
        Optional<Agent> last = handle.createQuery("select id, email, name, role, line, active from agent "
                        + "where id = :id for share")
                .bind("id", ticket.assigneeId()).mapTo(Agent.class).findOne();
        if (last.isPresent() && last.get().active()) {
            detail.put("assignee", Map.of("id", last.get().id(), "name", last.get().name()));
            return false;
        }
        new TicketQueries(handle).setAssignee(ticket.id(), null);
        last.ifPresent(a -> detail.put("droppedAssignee", Map.of("id", a.id(), "name", a.name())));
        return true;
    }
}
