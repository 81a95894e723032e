package io.supporthub.hub.ticket;

import io.supporthub.channels.ChannelKind;

import java.time.Instant;

/** A ticket row. {@code status} is the base state; a custom status names a variant of it. */
public record Ticket(
        long id,
        long number,
        String subject,
        String status,
        Long customStatusId,
        int line,
        Long assigneeId,
        Long typeId,
        Long priorityId,
        long contactId,
        String channel,
        Long followUpOf,
        Instant postponedUntil,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant archivedAt,
        Instant lastMessageAt,
        boolean lastMessageIn,
        Instant waitingSince,
        Integer rating,
        String ratingComment) {

    public static final String COLUMNS = "id, number, subject, status, custom_status_id, line, assignee_id, type_id, "
            + "priority_id, contact_id, channel, follow_up_of, postponed_until, created_at, updated_at, "
            + "first_response_at, resolved_at, closed_at, archived_at, last_message_at, last_message_in, "
            + "waiting_since, rating, rating_comment";

    public TicketStatus baseStatus() {
        return TicketStatus.fromWire(status);
    }

    public ChannelKind channelKind() {
        return ChannelKind.fromWire(channel);
    }
}
