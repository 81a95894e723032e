package io.supporthub.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hub's side of the bot, in memory: tickets with owners, ratings, and every call recorded. */
public final class InMemoryBotBackend implements BotBackend {
    public record StoredTicket(long owner, TicketSummary summary, boolean internal) {
    }

    public record Rating(long ticketId, int stars, String comment) {
    }

    private final Map<Long, StoredTicket> tickets = new LinkedHashMap<>();
    private final Map<Long, Rating> ratings = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();

    public TicketSummary add(long owner, long id, long number, String subject, String status) {
        return add(owner, new TicketSummary(id, number, subject, status, null), false);
    }

    public TicketSummary add(long owner, TicketSummary summary, boolean internal) {
        tickets.put(summary.id(), new StoredTicket(owner, summary, internal));
        return summary;
    }

    public TicketSummary get(long id) {
        return tickets.get(id).summary();
    }

    public Optional<Rating> rating(long ticketId) {
        return Optional.ofNullable(ratings.get(ticketId));
    }

    /** Calls that changed something, e.g. {@code close:5}, {@code rate:5:4:null}, {@code notSolved:5}. */
    public List<String> changes() {
        return List.copyOf(calls);
    }

    @Override
    public List<TicketSummary> myTickets(long contactId) {
        return tickets.values().stream()
                .filter(t -> t.owner() == contactId && !t.internal())
                .map(StoredTicket::summary)
                .sorted(Comparator.comparingLong(TicketSummary::number).reversed())
                .toList();
    }

    @Override
    public Optional<TicketSummary> ticket(long contactId, long ticketId) {
        StoredTicket t = tickets.get(ticketId);
        return t == null || t.owner() != contactId || t.internal() ? Optional.empty() : Optional.of(t.summary());
    }

    @Override
    public TicketSummary close(long contactId, long ticketId) {
        calls.add("close:" + ticketId);
        return setStatus(contactId, ticketId, "closed");
    }

    @Override
    public void rate(long contactId, long ticketId, int stars, String comment) {
        requireOwner(contactId, ticketId);
        calls.add("rate:" + ticketId + ":" + stars + ":" + comment);
        ratings.put(ticketId, new Rating(ticketId, stars, comment));
    }

    @Override
    public void notSolved(long contactId, long ticketId) {
        calls.add("notSolved:" + ticketId);
        setStatus(contactId, ticketId, "open");
    }

    private TicketSummary setStatus(long contactId, long ticketId, String status) {
        StoredTicket t = requireOwner(contactId, ticketId);
        TicketSummary s = t.summary();
        TicketSummary changed = new TicketSummary(s.id(), s.number(), s.subject(), status, null);
        tickets.put(ticketId, new StoredTicket(t.owner(), changed, t.internal()));
        return changed;
    }

    private StoredTicket requireOwner(long contactId, long ticketId) {
        StoredTicket t = tickets.get(ticketId);
        if (t == null || t.owner() != contactId) {
            throw new AssertionError("the bot touched ticket " + ticketId + " that contact " + contactId + " does not own");
        }
        return t;
    }
}
