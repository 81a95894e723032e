package io.supporthub.hub.ticket;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A ticket's SLA as the API shows it (null on a ticket without one): the rule ({@code ruleId} and {@code ruleName}
 * null when the account's defaults apply), its calendar, the planned times (null while paused), the response, whether
 * the resolution time was set by hand, overdue (an unmet planned time past while the clock runs) and the figures.
 */
public record TicketSla(Long ruleId, String ruleName, Long calendarId, boolean paused, Instant responseDueAt,
                        Instant resolutionDueAt, Instant respondedAt, boolean resolutionDueByHand, boolean overdue,
                        Long responseWorkingSeconds, Long responseDiffSeconds, Long resolutionWorkingSeconds,
                        Long resolutionDiffSeconds, @JsonIgnore Instant dueAt) {

    /** The columns read, selected beside a ticket {@code t}. */
    static final String COLUMNS = "t.sla_rule_id, (select name from sla_rule where id = t.sla_rule_id) as sla_rule_name, "
            + "t.sla_calendar_id, t.sla_paused, t.response_due_at, t.resolution_due_at, t.sla_responded_at, "
            + "t.resolution_due_by_hand, t.response_working_seconds, t.response_diff_seconds, "
            + "t.resolution_working_seconds, t.resolution_diff_seconds, t.sla_due_at ";

    /** The ticket's SLA, or null when it has none (neither terms nor a planned time set by hand). */
    static TicketSla of(ResultSet rs, Instant now) throws SQLException {
        Long calendarId = longOrNull(rs, "sla_calendar_id");
        boolean byHand = rs.getBoolean("resolution_due_by_hand");
        if (calendarId == null && !byHand) {
            return null;
        }
        Instant dueAt = instant(rs, "sla_due_at");
        return new TicketSla(longOrNull(rs, "sla_rule_id"), rs.getString("sla_rule_name"), calendarId,
                rs.getBoolean("sla_paused"), instant(rs, "response_due_at"), instant(rs, "resolution_due_at"),
                instant(rs, "sla_responded_at"), byHand, dueAt != null && dueAt.isBefore(now),
                longOrNull(rs, "response_working_seconds"), longOrNull(rs, "response_diff_seconds"),
                longOrNull(rs, "resolution_working_seconds"), longOrNull(rs, "resolution_diff_seconds"), dueAt);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
