package io.supporthub.hub.live;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.agent.Mentions;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketListener;
import org.jdbi.v3.core.Handle;

/** An agent @mentioned in a note sees it live on whatever page they have open. */
public final class MentionAnnouncer implements TicketListener {

    private final LiveUpdates live;

    public MentionAnnouncer(LiveUpdates live) {
        this.live = live;
    }

    @Override
    public void noteAdded(Handle handle, Ticket ticket, Agent author, String text, AfterCommit afterCommit) {
        for (Agent mentioned : Mentions.in(text, new AgentQueries(handle).all())) {
            if (mentioned.id() != author.id()) {
                afterCommit.add(() -> live.mentioned(mentioned.id(), ticket.id(), author.name(), text));
            }
        }
    }
}
