package io.supporthub.hub.agent;

import io.supporthub.hub.error.Refusal;
import org.jdbi.v3.core.Handle;

/**
 * The one lock that making someone responsible and disabling them both take: the agent's row, {@code for update},
 * until the transaction ends. Every path that gives a ticket an assignee calls {@link #lockActive} before it touches
 * the ticket (agent first, then ticket: one order, no deadlock), so no ticket is given to an agent being disabled,
 * and a disable waits for an assignment in flight and then sees it among the open tickets.
 */
public final class Assignees {

    private Assignees() {
    }

    /** Locks the agent's row; the agent as it is now, or 404. */
    public static Agent lock(Handle handle, long agentId) {
        return handle.createQuery("select id, email, name, role, line, active from agent where id = :id for update")
                .bind("id", agentId).mapTo(Agent.class).findOne()
                .orElseThrow(() -> Refusal.notFound("no agent " + agentId));
    }

    /** Locks the agent's row and refuses a disabled agent: they cannot be made responsible. */
    public static Agent lockActive(Handle handle, long agentId) {
        Agent agent = handle.createQuery("select id, email, name, role, line, active from agent where id = :id for update")
                .bind("id", agentId).mapTo(Agent.class).findOne()
                .orElseThrow(() -> Refusal.unprocessable("no agent " + agentId));
        if (!agent.active()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "agent_disabled",
                    agent.name() + " is disabled and cannot be made responsible for tickets");
        }
        return agent;
    }
}
