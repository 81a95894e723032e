package io.supporthub.hub.sla;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL on a ticket's SLA columns and status history, within the caller's transaction (the caller locks the row). */
final class TicketSlaQueries {

    /** The Open state's stored pause flag and the warnings' lead as stored, read with a ticket's or a contact's row. */
    private static final String OPEN_PAUSES_AND_LEAD =
            "(select pauses_sla from custom_status where system and base_state = 'open') as open_pauses, "
            + "(select value::text from setting where key = '" + SlaWarningSettings.KEY + "') as warn_before";

    private final Handle handle;

    TicketSlaQueries(Handle handle) {
        this.handle = handle;
    }

    /**
     * What the rules read of the ticket, its SLA columns, its base status and registration, and the pause flag stored
     * on the Open state's own row (for a ticket just registered, whose history is that one moment), and how long
     * before a planned time the warning goes out (to plan it). One statement.
     */
    Optional<Current> current(long ticketId) {
        return handle.createQuery("select t.type_id, t.priority_id, t.company_id, co.category_id, t.channel, "
                        + "t.created_at, t.status, " + TicketSlaRow.COLUMNS + ", "
                        + OPEN_PAUSES_AND_LEAD + " from ticket t left join company co on co.id = t.company_id where t.id = :id")
                .bind("id", ticketId)
                .map(TicketSlaQueries::current).findOne();
    }

    /**
     * What the rules read of a ticket about to be registered for the contact (its company, the company's category, the
     * default priority), the Open state's stored pause flag and the warnings' lead. One statement.
     */
    Registering registering(long contactId) {
        return handle.createQuery("select c.company_id, co.category_id, "
                        + "(select id from ticket_priority where name = 'normal') as priority_id, "
                        + OPEN_PAUSES_AND_LEAD + " from (select 1) one left join contact c on c.id = :contact "
                        + "left join company co on co.id = c.company_id")
                .bind("contact", contactId)
                .map((rs, ctx) -> new Registering(longOrNull(rs, "company_id"), longOrNull(rs, "category_id"),
                        longOrNull(rs, "priority_id"), (Boolean) rs.getObject("open_pauses"), warnBefore(rs)))
                .one();
    }

    record Registering(Long companyId, Long categoryId, Long priorityId, Boolean openPausesStored, Duration warnBefore) {
    }

    /** A ticket's facts for the rules, its SLA as stored, its base status now, the warnings' lead. */
    record Current(TicketFacts facts, String status, TicketSlaRow sla, Boolean openPausesStored, Duration warnBefore) {
    }

    /** The status changes, oldest first: when, to which base state, and the pause flag recorded then (null: none). */
    List<StatusEntry> history(long ticketId) {
        return handle.createQuery("select created_at, to_status, cast(detail ->> 'pausesSla' as boolean) as pauses "
                        + "from ticket_event where ticket_id = :id and to_status is not null order by created_at, id")
                .bind("id", ticketId)
                .map((rs, ctx) -> new StatusEntry(instant(rs, "created_at"), rs.getString("to_status"),
                        (Boolean) rs.getObject("pauses")))
                .list();
    }

    record StatusEntry(Instant at, String toStatus, Boolean pausesSla) {
    }

    /** Writes every SLA column of the ticket. */
    void write(long ticketId, TicketSlaRow row) {
        handle.createUpdate("update ticket set sla_rule_id = :ruleId, sla_calendar_id = :calendarId, "
                        + "sla_response_seconds = :responseSeconds, sla_resolution_seconds = :resolutionSeconds, "
                        + "sla_paused = :paused, response_due_at = :responseDueAt, resolution_due_at = :resolutionDueAt, "
                        + "resolution_due_by_hand = :resolutionDueByHand, sla_responded_at = :respondedAt, "
                        + "response_working_seconds = :responseWorkingSeconds, response_diff_seconds = :responseDiffSeconds, "
                        + "resolution_working_seconds = :resolutionWorkingSeconds, "
                        + "resolution_diff_seconds = :resolutionDiffSeconds, sla_due_at = :dueAt, sla_alert_at = :alertAt "
                        + "where id = :id")
                .bind("id", ticketId)
                .bind("ruleId", row.ruleId()).bind("calendarId", row.calendarId())
                .bind("responseSeconds", row.responseSeconds()).bind("resolutionSeconds", row.resolutionSeconds())
                .bind("paused", row.paused())
                .bind("responseDueAt", row.responseDueAt()).bind("resolutionDueAt", row.resolutionDueAt())
                .bind("resolutionDueByHand", row.resolutionDueByHand()).bind("respondedAt", row.respondedAt())
                .bind("responseWorkingSeconds", row.responseWorkingSeconds())
                .bind("responseDiffSeconds", row.responseDiffSeconds())
                .bind("resolutionWorkingSeconds", row.resolutionWorkingSeconds())
                .bind("resolutionDiffSeconds", row.resolutionDiffSeconds())
                .bind("dueAt", row.dueAt()).bind("alertAt", row.alertAt())
                .execute();
    }

    private static Current current(ResultSet rs, StatementContext ctx) throws SQLException {
        TicketFacts facts = new TicketFacts(longOrNull(rs, "type_id"), longOrNull(rs, "priority_id"),
                longOrNull(rs, "company_id"), longOrNull(rs, "category_id"), rs.getString("channel"),
                instant(rs, "created_at"));
        return new Current(facts, rs.getString("status"), row(rs), (Boolean) rs.getObject("open_pauses"), warnBefore(rs));
    }

    private static TicketSlaRow row(ResultSet rs) throws SQLException {
        return new TicketSlaRow(longOrNull(rs, "sla_rule_id"), longOrNull(rs, "sla_calendar_id"),
                longOrNull(rs, "sla_response_seconds"), longOrNull(rs, "sla_resolution_seconds"),
                (Boolean) rs.getObject("sla_paused"), instant(rs, "response_due_at"), instant(rs, "resolution_due_at"),
                (Boolean) rs.getObject("resolution_due_by_hand"), instant(rs, "sla_responded_at"),
                longOrNull(rs, "response_working_seconds"), longOrNull(rs, "response_diff_seconds"),
                longOrNull(rs, "resolution_working_seconds"), longOrNull(rs, "resolution_diff_seconds"),
                instant(rs, "sla_due_at"), instant(rs, "sla_alert_at"));
    }

    private static Duration warnBefore(ResultSet rs) throws SQLException {
        return Duration.ofMinutes(SlaWarningSettings.warnBeforeMinutes(rs.getString("warn_before")));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
