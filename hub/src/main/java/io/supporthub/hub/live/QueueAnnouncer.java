package io.supporthub.hub.live;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.group.Group;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketListener;
import org.jdbi.v3.core.Handle;

import java.util.List;

/** The employees on a group's notification list see live, on whatever page they have open, a ticket waiting in its queue. */
public final class QueueAnnouncer implements TicketListener {

    private final LiveUpdates live;

    public QueueAnnouncer(LiveUpdates live) {
        this.live = live;
    }

    @Override
    public void arrivedUnassigned(Handle handle, Ticket ticket, Group group, List<Agent> toTell, AfterCommit afterCommit) {
        String subject = ticket.subject() == null ? "" : ticket.subject();
        for (Agent agent : toTell) {
            afterCommit.add(() -> live.queued(agent.id(), ticket.id(), ticket.number(), subject, group.id(), group.name()));
        }
    }
}
