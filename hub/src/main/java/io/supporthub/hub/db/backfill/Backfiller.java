package io.supporthub.hub.db.backfill;

import io.supporthub.hub.db.backfill.BackfillQueries.Progress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills new columns on the existing rows of big tables, online: the job behind the rows of the {@code backfill}
 * table.
 *
 * <p>How to add one: a migration adds the column (nullable, no default: no table rewrite), makes the write path fill
 * it for new rows (a trigger, or the insert), and inserts the back-fill's row, e.g.
 * <pre>
 * insert into backfill (name, table_name, set_clause, pending)
 * values ('message_words', 'message', 'words = search_words(text)', 'words is null');
 * </pre>
 * Give {@code end_id} too ({@code select max(id)} in the transaction that creates the trigger) when nodes of the previous
 * version may still write rows after the migration that only the trigger fills; without it the job takes the
 * highest id at its first batch. Each batch then runs {@code update <table_name> set <set_clause> where id >= :from and id < :to and (<pending>)}.
 * When SQL cannot compute the values, leave {@code set_clause} null and give a {@link BatchFiller} under the
 * back-fill's name to the constructor. Indexes on the new column are built concurrently by a migration of their own
 * (outside a transaction, see a {@code .sql.conf}); readers use the old column for rows still pending until
 * {@link BackfillQueries#finished} says the back-fill is done.
 *
 * <p>How it runs: {@link #start()} starts one thread that fills every unfinished back-fill, one after the other, and
 * ends when all are finished ({@link #runAll()} does the same in the caller's thread). A batch is a range of up to
 * {@link Settings#batchIds} ids, fewer while batches take longer than {@link Settings#batchTime} (a writer waiting for
 * one of its rows waits about that long), up to {@code end_id} (the table's highest id at the first batch unless
 * the migration set it), filled in its own short transaction together with the
 * new {@code next_id} of its row, so a restart or a kill resumes at the first batch not committed: nothing is filled
 * twice or skipped. The batch holds its back-fill's row {@code FOR UPDATE SKIP LOCKED}, so with several hub nodes one
 * fills at a time and the others wait ({@link Settings#busyRetry}) and take over if it stops. Progress is logged every
 * {@link Settings#logEvery} and is readable at any time: {@code select * from backfill}.
 */
public final class Backfiller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Backfiller.class);

    /**
     * Ids per batch at most (each its own transaction); the pause after each batch, leaving the database to the hub's
     * requests; how long to wait when another node holds a back-fill or a batch failed; how often progress is logged;
     * the longest a batch should hold its rows' locks: a slower batch halves the next one (down to a tenth of
     * {@code batchIds}), a batch under a quarter of it doubles the next (up to {@code batchIds}).
     */
    public record Settings(int batchIds, Duration pause, Duration busyRetry, Duration logEvery, Duration batchTime) {

        public static final Settings DEFAULT = new Settings(5000, Duration.ofMillis(20), Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(1));

        /** Batches of {@code batchIds} whatever they take. */
        public Settings(int batchIds, Duration pause, Duration busyRetry, Duration logEvery) {
            this(batchIds, pause, busyRetry, logEvery, Duration.ofDays(1));
        }
    }

    private record RunStart(Instant at, long fromId) {
    }

    /** What one call of {@link #step} did. */
    public enum Step {
        /** A batch was filled and committed. */
        FILLED,
        /** The back-fill had no ids left: it is now marked finished. */
        FINISHED,
        /** Nothing to do here: finished already, or another node is filling a batch of it. */
        NOTHING
    }

    private final Jdbi jdbi;
    private final Map<String, BatchFiller> fillers;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();
    /** Where and when each back-fill started in this process, for its rate. */
    private final Map<String, RunStart> runStarts = new ConcurrentHashMap<>();
    /** The ids of each back-fill's next batch, adapted to {@link Settings#batchTime}. */
    private final Map<String, Integer> batchIds = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private volatile boolean stopping;
    private Thread thread;

    public Backfiller(Jdbi jdbi, Map<String, BatchFiller> fillers, Settings settings, Clock clock) {
        this.jdbi = jdbi;
        this.fillers = Map.copyOf(fillers);
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the thread that fills every unfinished back-fill; it ends when they are all finished or on close. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::runAll, "backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /** Fills every unfinished back-fill, one after the other, in this thread; returns when all are finished or on close. */
    public void runAll() {
        List<String> names = jdbi.withHandle(handle -> new BackfillQueries(handle).unfinished());
        if (!names.isEmpty()) {
            log.info("Back-fills to run: {}", names);
        }
        for (String name : names) {
            runToEnd(name);
        }
    }

    /** Fills the back-fill batch after batch until it is finished or this is closed. */
    public void runToEnd(String name) {
        while (!stopping) {
            Step step;
            try {
                step = step(name);
            } catch (RuntimeException e) {
                log.warn("Back-fill '{}': a batch failed, trying again in {}: {}", name, settings.busyRetry(), e.toString());
                pause(settings.busyRetry());
                continue;
            }
            if (step == Step.FINISHED) {
                return;
            }
            if (step == Step.NOTHING) {
                if (finished(name)) {
                    return;
                }
                pause(settings.busyRetry());
            } else {
                pause(settings.pause());
            }
        }
    }

    private boolean finished(String name) {
        return jdbi.withHandle(handle -> new BackfillQueries(handle).finished(name));
    }

    /** Fills the next batch of the back-fill, in one transaction. Public for tests. */
    public Step step(String name) {
        long started = System.nanoTime();
        Step step = fillNext(name);
        if (step == Step.FILLED) {
            adaptBatch(name, Duration.ofNanos(System.nanoTime() - started));
        }
        return step;
    }

    /** The ids of the back-fill's next batch. */
    int batchIds(String name) {
        return batchIds.getOrDefault(name, settings.batchIds());
    }

    private void adaptBatch(String name, Duration took) {
        int ids = batchIds(name);
        if (took.compareTo(settings.batchTime()) > 0) {
            ids = Math.max(Math.max(1, settings.batchIds() / 10), ids / 2);
        } else if (took.multipliedBy(4).compareTo(settings.batchTime()) < 0) {
            ids = Math.min(settings.batchIds(), ids * 2);
        }
        batchIds.put(name, ids);
    }

    private Step fillNext(String name) {
        return jdbi.inTransaction(handle -> {
            BackfillQueries queries = new BackfillQueries(handle);
            Optional<Progress> locked = queries.lockUnfinished(name);
            if (locked.isEmpty()) {
                return Step.NOTHING;
            }
            Progress backfill = locked.get();
            Instant now = clock.instant();
            long endId = backfill.endId() != null ? backfill.endId() : queries.maxId(backfill.tableName());
            if (backfill.endId() == null || backfill.startedAt() == null) {
                queries.start(name, endId, now);
                log.info("Back-fill '{}' of {} starts at id {}, up to id {}", name, backfill.tableName(),
                        backfill.nextId(), endId);
            }
            if (backfill.nextId() > endId) {
                queries.finish(name, now);
                log.info("Back-fill '{}' finished: {} rows filled", name, backfill.rowsFilled());
                return Step.FINISHED;
            }
            long toId = Math.min(backfill.nextId() + batchIds(name), endId + 1);
            long rows = fill(handle, backfill, toId);
            queries.advance(name, toId, rows, now);
            logProgress(backfill, toId, endId, rows, now);
            return Step.FILLED;
        });
    }

    private long fill(Handle handle, Progress backfill, long toId) {
        if (backfill.setClause() != null) {
            return BackfillQueries.fillBySql(handle, backfill, backfill.nextId(), toId);
        }
        BatchFiller filler = fillers.get(backfill.name());
        if (filler == null) {
            throw new IllegalStateException("back-fill '" + backfill.name() + "' has no set_clause and no BatchFiller");
        }
        return filler.fill(handle, backfill.nextId(), toId);
    }

    private void logProgress(Progress backfill, long toId, long endId, long rows, Instant now) {
        Instant last = lastLogged.get(backfill.name());
        if (last != null && Duration.between(last, now).compareTo(settings.logEvery()) < 0) {
            return;
        }
        lastLogged.put(backfill.name(), now);
        long filled = backfill.rowsFilled() + rows;
        double share = endId == 0 ? 1 : Math.min(1.0, (double) toId / (endId + 1));
        String eta = "";
        RunStart run = runStarts.computeIfAbsent(backfill.name(), n -> new RunStart(now, backfill.nextId()));
        double seconds = Duration.between(run.at(), now).toMillis() / 1000.0;
        if (seconds > 0) {
            double idsPerSecond = (toId - run.fromId()) / seconds;
            eta = String.format(", %,.0f ids/s, about %.0f min left", idsPerSecond,
                    idsPerSecond <= 0 ? 0 : (endId + 1 - toId) / idsPerSecond / 60);
        }
        log.info(String.format("Back-fill '%s': ids up to %,d of %,d (%.1f%%), %,d rows filled%s", backfill.name(),
                toId, endId, share * 100, filled, eta));
    }

    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        synchronized (wakeUp) {
            if (stopping) {
                return;
            }
            try {
                wakeUp.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    /** Stops after the batch in progress (committed or rolled back as a whole) and waits for it. */
    @Override
    public void close() {
        synchronized (wakeUp) {
            stopping = true;
            wakeUp.notifyAll();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        try {
            running.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
