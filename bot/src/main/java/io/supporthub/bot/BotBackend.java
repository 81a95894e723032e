package io.supporthub.bot;

import java.util.List;
import java.util.Optional;

/**
 * What the bot needs from the hub, implemented by the hub inside the inbound transaction. Every method is scoped to
 * the contact: a ticket the contact does not own is never returned or changed.
 */
public interface BotBackend {
    /** The contact's tickets, newest first, internal-type tickets left out. */
    List<TicketSummary> myTickets(long contactId);

    /** The ticket, only when the contact owns it (and it is not internal-type). */
    Optional<TicketSummary> ticket(long contactId, long ticketId);

    /** The customer's "Close my request"; returns the ticket as it is afterwards. Called for owned, non-closed tickets. */
    TicketSummary close(long contactId, long ticketId);

    /**
     * Stores (or replaces) the customer's rating of a ticket. Never reopens it. Called once when a star is pressed
     * ({@code comment} null) and again with the same stars when the customer writes a comment.
     */
    void rate(long contactId, long ticketId, int stars, String comment);

    /** "Not solved" pressed on a resolved or closed ticket: reopens it (event "reopened"). */
    void notSolved(long contactId, long ticketId);
}
