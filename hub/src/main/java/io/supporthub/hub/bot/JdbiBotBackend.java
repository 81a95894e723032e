package io.supporthub.hub.bot;

import io.supporthub.bot.BotBackend;
import io.supporthub.bot.TicketSummary;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.ticket.Actor;
import io.supporthub.hub.ticket.ReopenPolicy;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketOps.StatusTarget;
import io.supporthub.hub.ticket.TicketOps;
import io.supporthub.hub.ticket.TicketQueries.CustomerTicket;
import io.supporthub.hub.ticket.TicketQueries;
import io.supporthub.hub.ticket.TicketStatus;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's view of the hub, on the inbound transaction's handle. Internal-type tickets are invisible to it, and every
 * method is scoped to the contact.
 *
 * <p>Closing: the transition table lets a customer close only a Resolved ticket ("customer confirms"). "Close my
 * request" on a ticket still in an open-type state therefore goes Resolved (actor {@link Actor#CUSTOMER_CLOSES}, the
 * one cell added to the table) and then Closed ({@link Actor#CUSTOMER_CONFIRMS}), both in this transaction: the
 * timeline says the customer closed it, resolved_at and closed_at are both set like for every closed ticket, and no
 * rating prompt is sent for it. "Not solved" reopens a Resolved ticket, and a Closed one within the reopen window;
 * past the window nothing changes and the customer's next message opens a follow-up, as threading does.
 */
final class JdbiBotBackend implements BotBackend {

    private static final Logger log = LoggerFactory.getLogger(JdbiBotBackend.class);
    /** The newest tickets the bot lists or offers to close: enough for any customer's menu. */
    static final int MAX_TICKETS = 100;

    private final Handle handle;
    private final TicketOps ops;
    private final ReopenPolicy reopenPolicy;
    private final AfterCommit afterCommit;

    JdbiBotBackend(Handle handle, TicketOps ops, ReopenPolicy reopenPolicy, AfterCommit afterCommit) {
        this.handle = handle;
        this.ops = ops;
        this.reopenPolicy = reopenPolicy;
        this.afterCommit = afterCommit;
    }

    @Override
    public List<TicketSummary> myTickets(long contactId) {
        return new TicketQueries(handle).customerTickets(contactId, MAX_TICKETS).stream()
                .map(JdbiBotBackend::summary)
                .toList();
    }

    /** The ticket as the bot shows it, when the contact owns it and it is not internal-type. */
    @Override
    public Optional<TicketSummary> ticket(long contactId, long ticketId) {
        return new TicketQueries(handle).customerTicket(contactId, ticketId).map(JdbiBotBackend::summary);
    }

    @Override
    public TicketSummary close(long contactId, long ticketId) {
        Ticket ticket = lockOwned(contactId, ticketId);
        if (ticket.baseStatus().isOpenType()) {
            ops.changeStatus(handle, ticket, StatusTarget.of(TicketStatus.RESOLVED), Actor.CUSTOMER_CLOSES, null, afterCommit);
            ticket = lockOwned(contactId, ticketId);
        }
        if (ticket.baseStatus() == TicketStatus.RESOLVED) {
            ops.changeStatus(handle, ticket, StatusTarget.of(TicketStatus.CLOSED), Actor.CUSTOMER_CONFIRMS, null, afterCommit);
        }
        return ticket(contactId, ticketId).orElseThrow();
    }

    @Override
    public void rate(long contactId, long ticketId, int stars, String comment) {
        if (!new TicketQueries(handle).rate(ticketId, contactId, stars, comment, ops.now())) {
            throw new IllegalStateException("contact " + contactId + " rated ticket " + ticketId + ", which is not theirs");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("stars", stars);
        if (comment != null) {
            detail.put("comment", comment);
        }
        new TicketQueries(handle).addEvent(ticketId, "rated", "customer", null, null, null, TicketOps.json(detail), ops.now());
        ops.announce(afterCommit, ticketId);
    }

    @Override
    public void notSolved(long contactId, long ticketId) {
        Ticket ticket = lockOwned(contactId, ticketId);
        TicketStatus status = ticket.baseStatus();
        if (status.isOpenType()) {
            return;
        }
        if (status == TicketStatus.CLOSED
                && reopenPolicy.decide(status, ticket.archivedAt(), ops.now()) != ReopenPolicy.Decision.REOPEN) {
            log.info("Ticket #{} was closed more than {} ago; 'not solved' leaves it closed and the customer's next "
                    + "message opens a follow-up", ticket.number(), reopenPolicy.reopenWindow());
            return;
        }
        ops.changeStatus(handle, ticket, StatusTarget.of(TicketStatus.OPEN), Actor.CUSTOMER_NOT_SOLVED, null, afterCommit);
    }

    private Ticket lockOwned(long contactId, long ticketId) {
        return new TicketQueries(handle).lock(ticketId)
                .filter(t -> t.contactId() == contactId)
                .orElseThrow(() -> new IllegalStateException("ticket " + ticketId + " is not contact " + contactId + "'s"));
    }

    private static TicketSummary summary(CustomerTicket ticket) {
        return new TicketSummary(ticket.id(), ticket.number(), ticket.subject(), ticket.status(), ticket.customStatus());
    }
}
