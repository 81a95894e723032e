package io.supporthub.hub.sla;

import org.jdbi.v3.core.Handle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** SQL of the warnings job, within the caller's transaction. */
final class SlaAlertQueries {

    private final Handle handle;

    SlaAlertQueries(Handle handle) {
        this.handle = handle;
    }

    /**
     * Up to {@code limit} tickets whose alert time has come, locked; rows another runner (or an agent's change) holds
     * are skipped, so two nodes never take the same ticket. Reads through the partial index {@code ticket_sla_alert}.
     */
    List<SlaAlertRow> claim(Instant now, int limit) {
        return handle.createQuery("select id, number, subject, status, assignee_id, sla_calendar_id, sla_paused, "
                        + "response_due_at, sla_responded_at, resolution_due_at from ticket "
                        + "where sla_alert_at <= :now order by sla_alert_at limit :limit for update skip locked")
                .bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> new SlaAlertRow(rs.getLong("id"), rs.getLong("number"), rs.getString("subject"),
                        rs.getString("status"), (Long) rs.getObject("assignee_id"),
                        (Long) rs.getObject("sla_calendar_id"), (Boolean) rs.getObject("sla_paused"),
                        instant(rs.getTimestamp("response_due_at")), instant(rs.getTimestamp("sla_responded_at")),
                        instant(rs.getTimestamp("resolution_due_at"))))
                .list();
    }

    /** Records the notice; false when it was recorded already (here or on another node): it must not go out again. */
    boolean record(long ticketId, SlaNoticeKind kind, Instant dueAt, Instant now) {
        return handle.createUpdate("insert into sla_notice (ticket_id, kind, due_at, sent_at) "
                        + "values (:ticketId, :kind, :dueAt, :now) on conflict do nothing")
                .bind("ticketId", ticketId).bind("kind", kind.wireName()).bind("dueAt", dueAt).bind("now", now)
                .execute() == 1;
    }

    void alertAt(long ticketId, Instant at) {
        handle.createUpdate("update ticket set sla_alert_at = :at where id = :id").bind("at", at).bind("id", ticketId)
                .execute();
    }

    /** Every ticket with a planned time to come is looked at again (through the partial index {@code ticket_sla_due}). */
    void lookAgainAtAllDue(Instant now) {
        handle.createUpdate("update ticket set sla_alert_at = :now where sla_due_at is not null").bind("now", now).execute();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
