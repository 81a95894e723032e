package io.supporthub.hub.sla;

import java.time.Instant;

/**
 * What an SLA rule's conditions read of a ticket: its type, priority, company, the company's client category, the
 * channel it came by and when it was registered. Any id may be null (not set).
 */
public record TicketFacts(Long typeId, Long priorityId, Long companyId, Long clientCategoryId, String channel,
                          Instant registeredAt) {
}
