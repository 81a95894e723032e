package io.supporthub.hub.ticket;

import java.time.Instant;

/** One entry of a ticket's timeline. {@code detail} is JSON (a note's id, the assignee, the ticket reopened...). */
public record TicketEvent(long id, String kind, String actor, Long actorAgentId, String actorName, String fromStatus,
                          String toStatus, String detail, Instant createdAt) {
}
