package io.supporthub.hub.db.backfill;

import io.supporthub.hub.db.Database;
import io.supporthub.hub.support.CapturedLogs;
import io.supporthub.hub.support.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The back-fill job on a probe table whose rows count how often they were filled. */
class BackfillerTest {

    private static final Backfiller.Settings SMALL_BATCHES = new Backfiller.Settings(1000, Duration.ZERO,
            Duration.ofMillis(20), Duration.ofSeconds(15));
    /** Ids 1 to 10,000 with every seventh missing: batches of ids, not of rows. */
    private static final long ROWS = 10_000 - 10_000 / 7;

    static Database database;
    static Jdbi jdbi;

    @BeforeAll
    static void open() {
        database = Database.open(TestDatabases.freshDatabaseUrl(), 4);
        jdbi = database.jdbi();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void probeRows() {
        jdbi.useHandle(handle -> {
            handle.execute("drop table if exists probe");
            handle.execute("create table probe (id bigint primary key, hits int not null default 0, filled boolean)");
            handle.execute("insert into probe (id) select i from generate_series(1, 10000) i where i % 7 <> 0");
            handle.execute("delete from backfill");
            handle.execute("insert into backfill (name, table_name, set_clause, pending) "
                    + "values ('probe', 'probe', 'hits = hits + 1, filled = true', 'filled is null')");
        });
    }

    @Test
    void stoppedMidway_resumesWhereItStopped_fillingEveryRowOnce() {
        Backfiller first = new Backfiller(jdbi, Map.of(), SMALL_BATCHES, Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            assertThat(first.step("probe")).isEqualTo(Backfiller.Step.FILLED);
        }
        first.close();
        assertThat(progress().nextId()).as("three batches of 1000 ids from id 0").isEqualTo(3000);
        assertThat(progress().finishedAt()).isNull();
        assertThat(count("filled")).isEqualTo(count("id < 3000"));
        assertThat(count("filled and id >= 3000")).isZero();

        // A new process (after a restart) goes on from the first id not done.
        new Backfiller(jdbi, Map.of(), SMALL_BATCHES, Clock.systemUTC()).runToEnd("probe");

        assertThat(count("hits = 1")).isEqualTo(ROWS);
        assertThat(count("hits <> 1")).isZero();
        assertThat(progress().rowsFilled()).isEqualTo(ROWS);
        assertThat(progress().endId()).isEqualTo(10_000);
        assertThat(progress().finishedAt()).isNotNull();
        assertThat(jdbi.<Boolean, RuntimeException>withHandle(handle -> new BackfillQueries(handle).finished("probe"))).isTrue();
        assertThat(new Backfiller(jdbi, Map.of(), SMALL_BATCHES, Clock.systemUTC()).step("probe"))
                .as("a finished back-fill does nothing more").isEqualTo(Backfiller.Step.NOTHING);
    }

    @Test
    void aBatchKilledHalfway_leavesNoTrace_andIsFilledAgainWhole() {
        AtomicInteger batches = new AtomicInteger();
        jdbi.useHandle(handle -> handle.execute("update backfill set set_clause = null"));
        BatchFiller dyingInTheThirdBatch = (handle, fromId, toId) -> {
            int updated = handle.execute("update probe set hits = hits + 1, filled = true "
                    + "where id >= ? and id < ? and filled is null", fromId, toId);
            if (batches.incrementAndGet() == 3) {
                throw new IllegalStateException("killed after updating its rows, before its commit");
            }
            return updated;
        };
        Backfiller dying = new Backfiller(jdbi, Map.of("probe", dyingInTheThirdBatch), SMALL_BATCHES, Clock.systemUTC());
        dying.step("probe");
        dying.step("probe");
        assertThatThrownBy(() -> dying.step("probe")).hasMessageContaining("killed");
        assertThat(progress().nextId()).isEqualTo(2000);
        assertThat(count("filled and id >= 2000")).as("the dead batch's updates were rolled back").isZero();

        new Backfiller(jdbi, Map.of("probe", dyingInTheThirdBatch), SMALL_BATCHES, Clock.systemUTC()).runToEnd("probe");

        assertThat(count("hits = 1")).isEqualTo(ROWS);
        assertThat(progress().rowsFilled()).isEqualTo(ROWS);
    }

    @Test
    void twoNodesAtOnce_fillEachRowOnce() throws Exception {
        Backfiller one = new Backfiller(jdbi, Map.of(), SMALL_BATCHES, Clock.systemUTC());
        Backfiller other = new Backfiller(jdbi, Map.of(), SMALL_BATCHES, Clock.systemUTC());
        Thread a = new Thread(() -> one.runToEnd("probe"));
        Thread b = new Thread(() -> other.runToEnd("probe"));
        a.start();
        b.start();
        a.join(60_000);
        b.join(60_000);

        assertThat(count("hits = 1")).isEqualTo(ROWS);
        assertThat(count("hits <> 1")).isZero();
        assertThat(progress().rowsFilled()).isEqualTo(ROWS);
        assertThat(progress().finishedAt()).isNotNull();
    }

    @Test
    void slowBatches_getSmaller_andFastOnesLargerAgain_withinTheLimits() {
        jdbi.useHandle(handle -> handle.execute("update backfill set set_clause = null"));
        AtomicInteger slow = new AtomicInteger(3);
        BatchFiller filler = (handle, fromId, toId) -> {
            if (slow.getAndDecrement() > 0) {
                sleep(600);
            }
            return handle.execute("update probe set hits = hits + 1, filled = true where id >= ? and id < ? "
                    + "and filled is null", fromId, toId);
        };
        Backfiller.Settings timed = new Backfiller.Settings(1000, Duration.ZERO, Duration.ofMillis(20),
                Duration.ofSeconds(15), Duration.ofMillis(500));
        Backfiller backfiller = new Backfiller(jdbi, Map.of("probe", filler), timed, Clock.systemUTC());

        List<Integer> sizes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            backfiller.step("probe");
            sizes.add(backfiller.batchIds("probe"));
        }
        assertThat(sizes).as("halved after each slow batch, not under a tenth").containsExactly(500, 250, 125);
        // Fast batches (well under a quarter of batchTime, though a loaded machine may slow one now and then).
        for (int i = 0; i < 10 && backfiller.batchIds("probe") <= 125; i++) {
            backfiller.step("probe");
        }
        assertThat(backfiller.batchIds("probe")).as("doubled back after fast ones, not over the limit")
                .isGreaterThan(125).isLessThanOrEqualTo(1000);
        backfiller.runToEnd("probe");
        assertThat(count("hits = 1")).isEqualTo(ROWS);
        assertThat(count("hits <> 1")).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void rowsAlreadyRight_andRowsAfterTheEnd_areLeftAlone() {
        jdbi.useHandle(handle -> {
            handle.execute("update probe set filled = false where id between 500 and 1500");
            handle.execute("update backfill set end_id = 8000");
        });
        new Backfiller(jdbi, Map.of(), SMALL_BATCHES, Clock.systemUTC()).runToEnd("probe");

        assertThat(count("hits > 0 and id between 500 and 1500")).as("not pending").isZero();
        assertThat(count("hits > 0 and id > 8000")).as("after end_id (written by the new code)").isZero();
        assertThat(count("hits = 1")).isEqualTo(count("(id < 500 or id > 1500) and id <= 8000"));
    }

    @Test
    void start_runsEveryUnfinishedBackfillInTheBackground_logsItsProgress_andEnds() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            Backfiller backfiller = new Backfiller(jdbi, Map.of(), SMALL_BATCHES, Clock.systemUTC());
            backfiller.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (progress().finishedAt() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            backfiller.close();

            assertThat(count("hits = 1")).isEqualTo(ROWS);
            List<String> lines = logs.lines().stream().filter(l -> l.logger().endsWith("Backfiller"))
                    .map(CapturedLogs.Line::message).toList();
            assertThat(lines).anyMatch(l -> l.contains("'probe'") && l.contains("starts"))
                    .anyMatch(l -> l.contains("'probe'") && l.contains("of 10,000"))
                    .anyMatch(l -> l.contains("'probe' finished: " + ROWS + " rows"));
        }
    }

    private static BackfillQueries.Progress progress() {
        return jdbi.withHandle(handle -> new BackfillQueries(handle).all().get(0));
    }

    private static long count(String condition) {
        return jdbi.withHandle(handle -> handle.select("select count(*) from probe where " + condition)
                .mapTo(Long.class).one());
    }
}
