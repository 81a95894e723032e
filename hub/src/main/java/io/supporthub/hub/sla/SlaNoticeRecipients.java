package io.supporthub.hub.sla;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.group.Group;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.observer.ObserverQueries;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who hears of a ticket's SLA notices: its assignee, or with none the notification list of its group (as a ticket
 * arriving unassigned is announced), and its observers, themselves or through a group. Employees only, the active
 * ones, each once. Customers never: nothing here reads a contact.
 */
final class SlaNoticeRecipients {

    private SlaNoticeRecipients() {
    }

    static List<Agent> of(Handle handle, SlaAlertRow ticket) {
        Set<Long> ids = new LinkedHashSet<>();
        if (ticket.assigneeId() != null) {
            ids.add(ticket.assigneeId());
        } else {
            new GroupQueries(handle).ofTicket(ticket.id()).map(Group::notifyList).ifPresent(ids::addAll);
        }
        ids.addAll(new ObserverQueries(handle).agentsToTell(ticket.id()));
        AgentQueries agents = new AgentQueries(handle);
        List<Agent> active = new ArrayList<>();
        for (long id : ids) {
            agents.find(id).filter(Agent::active).ifPresent(active::add);
        }
        return active;
    }
}
