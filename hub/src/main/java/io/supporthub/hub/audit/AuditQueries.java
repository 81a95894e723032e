package io.supporthub.hub.audit;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL on the audit log, within the caller's transaction. */
final class AuditQueries {

    private static final String COLUMNS = "id, at, actor_agent_id, actor_email, action, target, client_address, note, "
            + "before::text as before, after::text as after";

    private final Handle handle;

    AuditQueries(Handle handle) {
        this.handle = handle;
    }

    void insert(AuditRecord entry, Instant at) {
        handle.createUpdate("insert into audit_log (at, actor_agent_id, actor_email, action, target, client_address, "
                        + "note, before, after) values (:at, :actorAgentId, :actorEmail, :action, :target, "
                        + ":clientAddress, :note, cast(:before as jsonb), cast(:after as jsonb))")
                .bind("at", at)
                .bind("actorAgentId", entry.actorAgentId())
                .bind("actorEmail", entry.actorEmail())
                .bind("action", entry.action())
                .bind("target", entry.target())
                .bind("clientAddress", entry.clientAddress())
                .bind("note", entry.note())
                .bind("before", entry.before())
                .bind("after", entry.after())
                .execute();
    }

    /** Newest first; {@code filter.after} is the id of the last row of the previous page. */
    List<AuditEntry> page(AuditFilter filter) {
        List<String> where = new ArrayList<>();
        if (filter.actorAgentId() != null) {
            where.add("actor_agent_id = :actorAgentId");
        }
        if (filter.actorEmail() != null) {
            where.add("lower(actor_email) = lower(:actorEmail)");
        }
        if (filter.action() != null) {
            // 'login' also finds 'login.failed' and 'login.succeeded'
            where.add("(action = :action or action like :actionPrefix)");
        }
        if (filter.from() != null) {
            where.add("at >= :from");
        }
        if (filter.to() != null) {
            where.add("at < :to");
        }
        if (filter.after() != null) {
            where.add("id < :after");
        }
        Query query = handle.createQuery("select " + COLUMNS + " from audit_log "
                        + (where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ")
                        + "order by id desc limit :limit")
                .bind("actorAgentId", filter.actorAgentId())
                .bind("actorEmail", filter.actorEmail())
                .bind("action", filter.action())
                .bind("actionPrefix", filter.action() == null ? null : likeEscaped(filter.action()) + ".%")
                .bind("from", filter.from())
                .bind("to", filter.to())
                .bind("after", filter.after())
                .bind("limit", filter.limit());
        return query.mapTo(AuditEntry.class).list();
    }

    /** Deletes up to {@code batch} rows older than {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff, int batch) {
        return handle.createUpdate("delete from audit_log where id in "
                        + "(select id from audit_log where at < :cutoff order by at limit :batch)")
                .bind("cutoff", cutoff).bind("batch", batch).execute();
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
