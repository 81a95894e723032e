package io.supporthub.hub.ticket;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link Ticket#COLUMNS} by hand: a ticket row is read on every inbound message, and matching 24 columns to
 * constructor parameters by name on each query showed in the ingestion profile.
 */
public final class TicketRowMapper implements RowMapper<Ticket> {

    @Override
    public Ticket map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getLong("number"), rs.getString("subject"), rs.getString("status"),
                nullableLong(rs, "custom_status_id"), rs.getInt("line"), nullableLong(rs, "assignee_id"),
                nullableLong(rs, "type_id"), nullableLong(rs, "priority_id"), rs.getLong("contact_id"),
                rs.getString("channel"), nullableLong(rs, "follow_up_of"), instant(rs, "postponed_until"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "first_response_at"),
                instant(rs, "resolved_at"), instant(rs, "closed_at"), instant(rs, "archived_at"),
                instant(rs, "last_message_at"), rs.getBoolean("last_message_in"), instant(rs, "waiting_since"),
                nullableInt(rs, "rating"), rs.getString("rating_comment"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
