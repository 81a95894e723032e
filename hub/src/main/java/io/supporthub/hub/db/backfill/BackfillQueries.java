package io.supporthub.hub.db.backfill;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL on the {@code backfill} table (see its migration), within the caller's transaction. */
public final class BackfillQueries {

    private static final String COLUMNS = "name, table_name, set_clause, pending, next_id, end_id, rows_filled, "
            + "started_at, updated_at, finished_at";

    private final Handle handle;

    public BackfillQueries(Handle handle) {
        this.handle = handle;
    }

    /** A back-fill's definition and how far it got. */
    public record Progress(String name, String tableName, String setClause, String pending, long nextId, Long endId,
                           long rowsFilled, Instant startedAt, Instant updatedAt, Instant finishedAt) {
    }

    /**
     * True when every back-fill named is finished. A name without a row counts as finished (nothing asked for it),
     * so callers keep their names in constants.
     */
    public boolean finished(String... names) {
        return handle.createQuery("select count(*) from backfill where name in (<names>) and finished_at is null")
                .bindList("names", List.of(names)).mapTo(Long.class).one() == 0;
    }

    public List<Progress> all() {
        return handle.createQuery("select " + COLUMNS + " from backfill order by created_at, name")
                .mapTo(Progress.class).list();
    }

    List<String> unfinished() {
        return handle.createQuery("select name from backfill where finished_at is null order by created_at, name")
                .mapTo(String.class).list();
    }

    /** The back-fill's row, locked until the transaction ends; empty when finished or when another node holds it. */
    Optional<Progress> lockUnfinished(String name) {
        return handle.createQuery("select " + COLUMNS + " from backfill where name = :name and finished_at is null "
                        + "for update skip locked")
                .bind("name", name).mapTo(Progress.class).findOne();
    }

    /** The highest id of the table now, 0 when it is empty. */
    long maxId(String table) {
        return handle.createQuery("select coalesce(max(id), 0) from " + table).mapTo(Long.class).one();
    }

    void start(String name, long endId, Instant now) {
        handle.createUpdate("update backfill set end_id = :endId, started_at = coalesce(started_at, :now), "
                        + "updated_at = :now where name = :name")
                .bind("name", name).bind("endId", endId).bind("now", now).execute();
    }

    void advance(String name, long nextId, long rows, Instant now) {
        handle.createUpdate("update backfill set next_id = :nextId, rows_filled = rows_filled + :rows, updated_at = :now "
                        + "where name = :name")
                .bind("name", name).bind("nextId", nextId).bind("rows", rows).bind("now", now).execute();
    }

    void finish(String name, Instant now) {
        handle.createUpdate("update backfill set finished_at = :now, updated_at = :now where name = :name")
                .bind("name", name).bind("now", now).execute();
    }

    /** The SQL filling of one batch, for a back-fill with a set clause. */
    static long fillBySql(Handle handle, Progress backfill, long fromId, long toId) {
        return handle.createUpdate("update " + backfill.tableName() + " set " + backfill.setClause()
                        + " where id >= :fromId and id < :toId and (" + backfill.pending() + ")")
                .bind("fromId", fromId).bind("toId", toId).execute();
    }
}
