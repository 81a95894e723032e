package io.supporthub.hub.live;

import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.observer.ObserverQueries;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketListener;
import org.jdbi.v3.core.Handle;

/**
 * The observers of a ticket see a customer's new message on it live, whatever page they have open. (Their open
 * pages and inbox already refresh on every ticket change.) Email to observers is off: no mail is written here.
 */
public final class WatchAnnouncer implements TicketListener {

    private final LiveUpdates live;

    public WatchAnnouncer(LiveUpdates live) {
        this.live = live;
    }

    @Override
    public void customerWrote(Handle handle, Ticket ticket, String text, AfterCommit afterCommit) {
        for (long agentId : new ObserverQueries(handle).agentsToTell(ticket.id())) {
            afterCommit.add(() -> live.watchedMessage(agentId, ticket.id(), text));
        }
    }
}
