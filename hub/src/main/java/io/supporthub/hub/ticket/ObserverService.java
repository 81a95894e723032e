package io.supporthub.hub.ticket;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.group.Group;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.observer.Observer;
import io.supporthub.hub.observer.ObserverQueries;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who watches a ticket: adding and removing employees and groups, and watching oneself. Adding an observer who is
 * already there and removing one who is not change nothing and answer as if they had (idempotent); every real change
 * is an event on the timeline and is announced to open pages.
 */
public final class ObserverService {

    private final Transactions transactions;
    private final TicketOps ops;

    public ObserverService(Transactions transactions, TicketOps ops) {
        this.transactions = transactions;
        this.ops = ops;
    }

    public List<Observer> of(long ticketId) {
        return transactions.read(handle -> {
            new TicketQueries(handle).find(ticketId).orElseThrow(() -> TicketService.notFound(ticketId));
            return new ObserverQueries(handle).of(ticketId);
        });
    }

    /** The ticket's observers after a change, and whether it changed anything. */
    public record Change(boolean changed, List<Observer> observers) {
    }

    /** Adds an employee (an active one) or a group (a visible one). */
    public Change add(long ticketId, String kind, long id, Agent by) {
        return transactions.inTransaction((handle, afterCommit) -> {
            new TicketQueries(handle).lock(ticketId).orElseThrow(() -> TicketService.notFound(ticketId));
            Observer observer = resolve(handle, kind, id);
            boolean added = new ObserverQueries(handle).add(ticketId, observer, by.id(), ops.now());
            if (added) {
                event(handle, ops, ticketId, observer, by, true);
                ops.announce(afterCommit, ticketId);
            }
            return new Change(added, new ObserverQueries(handle).of(ticketId));
        });
    }

    public Change remove(long ticketId, String kind, long id, Agent by) {
        if (!Observer.AGENT.equals(kind) && !Observer.GROUP.equals(kind)) {
            throw Refusal.notFound("observers are of kind agent or group, not '" + kind + "'");
        }
        return transactions.inTransaction((handle, afterCommit) -> {
            new TicketQueries(handle).lock(ticketId).orElseThrow(() -> TicketService.notFound(ticketId));
            ObserverQueries observers = new ObserverQueries(handle);
            Observer removed = observers.of(ticketId).stream()
                    .filter(o -> o.kind().equals(kind) && o.id() == id).findFirst().orElse(null);
            boolean gone = removed != null && observers.remove(ticketId, kind, id);
            if (gone) {
                event(handle, ops, ticketId, removed, by, false);
                ops.announce(afterCommit, ticketId);
            }
            return new Change(gone, observers.of(ticketId));
        });
    }

    private static Observer resolve(Handle handle, String kind, long id) {
        if (Observer.AGENT.equals(kind)) {
            Agent agent = new AgentQueries(handle).find(id).orElseThrow(() -> Refusal.notFound("no agent " + id));
            if (!agent.active()) {
                throw Refusal.unprocessable(agent.name() + " is disabled and cannot observe tickets");
            }
            return new Observer(Observer.AGENT, id, agent.name());
        }
        Group group = new GroupQueries(handle).find(id).orElseThrow(() -> Refusal.notFound("no group " + id));
        // Like a queue, a hidden group takes on nothing new; the tickets it already observes it keeps observing.
        if (group.hidden()) {
            throw Refusal.unprocessable("the group '" + group.name() + "' is hidden and cannot start observing tickets");
        }
        return new Observer(Observer.GROUP, id, group.name());
    }

    /** The timeline event of an observer added or removed (watching oneself: watch_started, watch_stopped). */
    static void event(Handle handle, TicketOps ops, long ticketId, Observer observer, Agent by, boolean added) {
        boolean self = observer.isAgent() && observer.id() == by.id();
        String kind = self ? (added ? "watch_started" : "watch_stopped") : (added ? "observer_added" : "observer_removed");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", observer.kind());
        detail.put("id", observer.id());
        detail.put("name", observer.name());
        new TicketQueries(handle).addEvent(ticketId, kind, "agent", by.id(), null, null, TicketOps.json(detail), ops.now());
    }
}
