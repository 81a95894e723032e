package io.supporthub.hub.sla;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL on {@code sla_recalculation} and the open tickets it walks, within the caller's transaction. */
public final class SlaRecalculationQueries {

    private static final String COLUMNS = "id, reason, requested_by, state, next_id, end_id, done, failed, total, "
            + "created_at, started_at, finished_at";

    private final Handle handle;

    public SlaRecalculationQueries(Handle handle) {
        this.handle = handle;
    }

    /**
     * Supersedes the unfinished request, if any, and files a new pending one. Requests queue on a transaction lock,
     * so two at once on two nodes leave one pending request, never a conflict.
     */
    long request(String reason, Long agentId, Instant now) {
        handle.createQuery("select 1 from pg_advisory_xact_lock(hashtext('sla_recalculation'))").mapTo(Integer.class).one();
        handle.createUpdate("update sla_recalculation set state = 'superseded', finished_at = :now "
                        + "where state in ('pending', 'running')")
                .bind("now", now).execute();
        return handle.createUpdate("insert into sla_recalculation (reason, requested_by, created_at) "
                        + "values (:reason, :agentId, :now)")
                .bind("reason", reason).bind("agentId", agentId).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<SlaRecalculation> latest() {
        return handle.createQuery("select " + COLUMNS + " from sla_recalculation order by id desc limit 1")
                .mapTo(SlaRecalculation.class).findOne();
    }

    /** The pending or running request, locked until the transaction ends; empty when none or another node holds it. */
    Optional<SlaRecalculation> lockActive() {
        return handle.createQuery("select " + COLUMNS + " from sla_recalculation where state in ('pending', 'running') "
                        + "for update skip locked")
                .mapTo(SlaRecalculation.class).findOne();
    }

    boolean anyActive() {
        return handle.createQuery("select exists (select 1 from sla_recalculation where state in ('pending', 'running'))")
                .mapTo(Boolean.class).one();
    }

    /**
     * Marks the request running over ticket ids from {@code nextId} up to {@code endId}, {@code total} open tickets
     * among them.
     */
    void start(long id, long nextId, long endId, int total, Instant now) {
        handle.createUpdate("update sla_recalculation set state = 'running', next_id = :nextId, end_id = :endId, "
                        + "total = :total, started_at = :now where id = :id")
                .bind("id", id).bind("nextId", nextId).bind("endId", endId).bind("total", total).bind("now", now)
                .execute();
    }

    long minTicketId() {
        return handle.createQuery("select coalesce(min(id), 1) from ticket").mapTo(Long.class).one();
    }

    long maxTicketId() {
        return handle.createQuery("select coalesce(max(id), 0) from ticket").mapTo(Long.class).one();
    }

    int openTickets(long endId) {
        return handle.createQuery("select count(*) from ticket where status not in ('resolved', 'closed') and id <= :endId")
                .bind("endId", endId).mapTo(Integer.class).one();
    }

    /**
     * The open tickets with ids in [fromId, toId), locked in id order until the transaction ends: an agent's change
     * of one of them waits for the batch, and the batch sees the change that committed before it.
     */
    List<Long> lockOpenTickets(long fromId, long toId) {
        return handle.createQuery("select id from ticket where id >= :fromId and id < :toId "
                        + "and status not in ('resolved', 'closed') order by id for update")
                .bind("fromId", fromId).bind("toId", toId).mapTo(Long.class).list();
    }

    void advance(long id, long nextId, int done, int failed) {
        handle.createUpdate("update sla_recalculation set next_id = :nextId, done = done + :done, failed = failed + :failed "
                        + "where id = :id")
                .bind("id", id).bind("nextId", nextId).bind("done", done).bind("failed", failed).execute();
    }

    void finish(long id, Instant now) {
        handle.createUpdate("update sla_recalculation set state = 'done', finished_at = :now where id = :id")
                .bind("id", id).bind("now", now).execute();
    }
}
