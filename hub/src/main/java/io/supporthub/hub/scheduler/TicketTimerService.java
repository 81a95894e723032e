package io.supporthub.hub.scheduler;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.ticket.Actor;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketOps;
import io.supporthub.hub.ticket.TicketOps.StatusTarget;
import io.supporthub.hub.ticket.TicketQueries;
import io.supporthub.hub.ticket.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * What the timers do. Quartz may fire a trigger twice (recovery after a node dies) or late, and the ticket may have
 * moved since it was scheduled, so each action re-checks the ticket, under its row lock, before acting.
 */
public final class TicketTimerService {

    private static final Logger log = LoggerFactory.getLogger(TicketTimerService.class);

    private final Transactions transactions;
    private final TicketOps ops;

    public TicketTimerService(Transactions transactions, TicketOps ops) {
        this.transactions = transactions;
        this.ops = ops;
    }

    /** Returns a postponed ticket to Open if its time has come; true when it did. */
    public boolean wakeIfDue(long ticketId) {
        return transactions.inTransaction((handle, afterCommit) -> {
            Optional<Ticket> ticket = new TicketQueries(handle).lock(ticketId);
            Instant now = ops.now();
            if (ticket.isEmpty() || ticket.get().baseStatus() != TicketStatus.POSTPONED
                    || ticket.get().postponedUntil() == null || ticket.get().postponedUntil().isAfter(now)) {
                return false;
            }
            ops.changeStatus(handle, ticket.get(), StatusTarget.of(TicketStatus.OPEN), Actor.POSTPONE_TIMER, null, afterCommit);
            log.info("Ticket #{} was postponed until {}: back to open", ticket.get().number(), ticket.get().postponedUntil());
            return true;
        });
    }

    /** Closes a resolved ticket left alone for AUTO_CLOSE_DAYS; true when it did. */
    public boolean autoCloseIfDue(long ticketId) {
        return transactions.inTransaction((handle, afterCommit) -> {
            Optional<Ticket> ticket = new TicketQueries(handle).lock(ticketId);
            Instant now = ops.now();
            if (ticket.isEmpty() || ticket.get().baseStatus() != TicketStatus.RESOLVED || ticket.get().resolvedAt() == null
                    || ticket.get().resolvedAt().plus(ops.autoCloseAfter()).isAfter(now)) {
                return false;
            }
            ops.changeStatus(handle, ticket.get(), StatusTarget.of(TicketStatus.CLOSED), Actor.AUTO_CLOSE, null, afterCommit);
            log.info("Ticket #{} resolved at {}: auto-closed", ticket.get().number(), ticket.get().resolvedAt());
            return true;
        });
    }

    /** The safety net: acts on every ticket whose timer is due, whether or not its trigger fired. */
    public int sweep() {
        Instant now = ops.now();
        var postponed = transactions.read(handle -> new TicketQueries(handle).duePostponed(now));
        var resolved = transactions.read(handle -> new TicketQueries(handle).dueAutoClose(now.minus(ops.autoCloseAfter())));
        int acted = 0;
        for (long id : postponed) {
            acted += wakeIfDue(id) ? 1 : 0;
        }
        for (long id : resolved) {
            acted += autoCloseIfDue(id) ? 1 : 0;
        }
        return acted;
    }
}
