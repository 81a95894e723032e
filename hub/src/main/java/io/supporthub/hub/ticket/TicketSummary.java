package io.supporthub.hub.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as lists and details show it (CONTRACT.md's ticket JSON). {@code line} is derived from the group: 2 in the
 * escalation group, else 1. {@code company}: the company the ticket is for (set at registration from the contact's,
 * changed by hand), or null. {@code sla}: see {@link TicketSla}; null when the ticket has none.
 */
public record TicketSummary(
        long id,
        long number,
        String subject,
        String status,
        String statusLabel,
        int line,
        GroupRef group,
        String channel,
        ContactView contact,
        AgentRef assignee,
        String type,
        String priority,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant postponedUntil,
        Instant lastMessageAt,
        boolean lastMessageFromCustomer,
        Instant waitingSince,
        String excerpt,
        Integer rating,
        String ratingComment,
        Long followUpOf,
        CompanyRef company,
        TicketSla sla) {

    public record AgentRef(long id, String name) {
    }

    /** The group whose queue the ticket is in. */
    public record GroupRef(long id, String name) {
    }

    /** The company the ticket is registered for, with its client category's name (null when it has none). */
    public record CompanyRef(long id, String name, String category) {
    }

    public record ContactView(long id, String name, List<AddressView> addresses) {
    }

    public record AddressView(String kind, String value, boolean reachable, String unreachableReason) {
    }
}
