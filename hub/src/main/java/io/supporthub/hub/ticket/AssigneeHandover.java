package io.supporthub.hub.ticket;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Assignees;
import io.supporthub.hub.agent.Handover;
import io.supporthub.hub.agent.HandoverTarget;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.error.Refusal;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A leaver's tickets that are not closed, handed to another agent, to a group's queue, or left in their queues. */
public final class AssigneeHandover implements Handover {

    private final TicketOps ops;

    public AssigneeHandover(TicketOps ops) {
        this.ops = ops;
    }

    @Override
    public long openTickets(Handle handle, long agentId) {
        return handle.createQuery("select count(*) from ticket where assignee_id = :agentId and status <> 'closed'")
                .bind("agentId", agentId).mapTo(Long.class).one();
    }

    @Override
    public long move(Handle handle, Agent from, HandoverTarget to, Agent by, AfterCommit afterCommit) {
        Agent toAgent = null;
        GroupRef toGroup = null;
        if (to.agentId() != null) {
            if (to.agentId() == from.id()) {
                throw Refusal.invalid("the tickets cannot be handed to the agent they come from");
            }
            toAgent = Assignees.lockActive(handle, to.agentId());
        } else if (to.groupId() != null) {
            toGroup = group(handle, to.groupId());
        }
        List<Long> ids = handle.createQuery("select id from ticket where assignee_id = :agentId and status <> 'closed' "
                        + "order by id for update")
                .bind("agentId", from.id()).mapTo(Long.class).list();
        TicketQueries tickets = new TicketQueries(handle);
        for (long id : ids) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("handedOverFrom", from.name());
            if (toAgent != null) {
                tickets.setAssignee(id, toAgent.id());
                detail.put("assignee", toAgent.name());
                Ticket ticket = tickets.find(id).orElseThrow();
                ops.assigned(handle, ticket, toAgent, by, afterCommit);
            } else if (toGroup != null) {
                handle.createUpdate("update ticket set group_id = :groupId, line = :line, assignee_id = null where id = :id")
                        .bind("id", id).bind("groupId", toGroup.id()).bind("line", toGroup.escalationTarget() ? 2 : 1).execute();
                detail.put("assignee", null);
                detail.put("group", toGroup.name());
            } else {
                tickets.setAssignee(id, null);
                detail.put("assignee", null);
            }
            tickets.touch(id, ops.now());
            tickets.addEvent(id, "updated", "agent", by.id(), null, null, TicketOps.json(detail), ops.now());
            ops.announce(afterCommit, id);
            if (toAgent == null) {
                // Back in a queue with nobody responsible: the group's notification list hears of it, as of any arrival.
                ops.arrivedIfUnassigned(handle, id, by.id(), afterCommit);
            }
        }
        return ids.size();
    }

    private record GroupRef(long id, String name, boolean escalationTarget) {
    }

    private static GroupRef group(Handle handle, long groupId) {
        return handle.createQuery("select id, name, escalation_target from agent_group where id = :id and not hidden")
                .bind("id", groupId)
                .map((rs, ctx) -> new GroupRef(rs.getLong("id"), rs.getString("name"), rs.getBoolean("escalation_target")))
                .findOne().orElseThrow(() -> Refusal.unprocessable("no group " + groupId + " taking tickets (missing or hidden)"));
    }
}
