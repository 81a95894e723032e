package io.supporthub.hub.sla;

import io.supporthub.hub.db.Database;
import io.supporthub.hub.support.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The recalculation runner over real ticket rows, with a probe recompute that counts its calls per ticket in
 * {@code sla_response_seconds} and records in {@code sla_paused} whether it saw an agent's change to the subject.
 */
class SlaRecalculationsTest {

    static Database database;
    static Jdbi jdbi;

    /** The probe: every recompute adds one to the ticket's counter, reading the row it was given the lock of. */
    static final SlaRecalculations.TicketRecompute COUNT = (handle, ticketId, now) ->
            handle.createUpdate("update ticket set sla_response_seconds = coalesce(sla_response_seconds, 0) + 1, "
                    + "sla_paused = (subject = 'changed by the agent') where id = :id").bind("id", ticketId).execute();

    @BeforeAll
    static void open() {
        database = Database.open(TestDatabases.freshDatabaseUrl(), 6);
        jdbi = database.jdbi();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void tickets() {
        jdbi.useHandle(handle -> {
            handle.execute("delete from sla_recalculation");
            handle.execute("delete from ticket");
            handle.execute("insert into contact (name, created_at) select 'Carl', now() where not exists (select 1 from contact)");
            // 1,000 tickets, every fifth resolved or closed
            handle.execute("insert into ticket (subject, status, line, contact_id, channel, created_at, updated_at, "
                    + "last_message_at) select 'Ticket ' || n, case when n % 10 = 0 then 'closed' when n % 5 = 0 then "
                    + "'resolved' when n % 3 = 0 then 'pending' else 'open' end, 1, (select min(id) from contact), "
                    + "'email', now(), now(), now() from generate_series(1, 1000) n");
        });
    }

    private SlaRecalculations runner(SlaRecalculations.TicketRecompute recompute) {
        return new SlaRecalculations(jdbi, recompute, Clock.systemUTC(), 100);
    }

    private long request(SlaRecalculations runner, String reason) {
        return jdbi.inTransaction(handle -> runner.request(handle, reason, null));
    }

    private long count(String condition) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from ticket where " + condition)
                .mapTo(Long.class).one());
    }

    @Test
    void recomputesEveryOpenTicketOnce_andReportsProgress() {
        SlaRecalculations runner = runner(COUNT);
        assertThat(runner.latest()).isEmpty();
        request(runner, "calendar 'Office' edited");
        assertThat(runner.latest().orElseThrow().state()).isEqualTo("pending");

        runner.runToEnd();

        assertThat(count("status in ('resolved', 'closed') and sla_response_seconds is not null"))
                .as("resolved and closed tickets are left alone").isZero();
        assertThat(count("status not in ('resolved', 'closed') and sla_response_seconds = 1")).isEqualTo(800);
        SlaRecalculation done = runner.latest().orElseThrow();
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.reason()).isEqualTo("calendar 'Office' edited");
        assertThat(done.total()).isEqualTo(800);
        assertThat(done.done()).isEqualTo(800);
        assertThat(done.failed()).isZero();
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(runner.step()).as("nothing left to do").isEqualTo(SlaRecalculations.Step.NOTHING);
    }

    @Test
    void aCrashMidway_resumesAtTheFirstBatchNotCommitted() {
        AtomicBoolean crash = new AtomicBoolean(true);
        SlaRecalculations crashing = runner((handle, ticketId, now) -> {
            COUNT.recompute(handle, ticketId, now);
            if (crash.get() && ticketId == idOf("Ticket 451")) {
                // the database connection dies under the batch: the batch rolls back
                throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLException("connection reset"));
            }
        });
        request(crashing, "rule 'VIP' changed");
        assertThatThrownBy(crashing::runToEnd).isInstanceOf(org.jdbi.v3.core.ConnectionException.class);
        SlaRecalculation halfway = crashing.latest().orElseThrow();
        assertThat(halfway.state()).isEqualTo("running");
        assertThat(halfway.nextId()).as("four batches of 100 ids committed").isEqualTo(idOf("Ticket 1") + 400);

        crash.set(false);
        runner(COUNT).runToEnd();

        assertThat(count("status not in ('resolved', 'closed') and sla_response_seconds = 1"))
                .as("every open ticket exactly once: the rolled-back batch is redone, none twice").isEqualTo(800);
        assertThat(crashing.latest().orElseThrow().state()).isEqualTo("done");
    }

    @Test
    void aComputationThatFails_isCountedAndTheOthersGoOn() {
        long bad = idOf("Ticket 7");
        SlaRecalculations runner = runner((handle, ticketId, now) -> {
            if (ticketId == bad) {
                throw new ArithmeticException("long overflow");
            }
            COUNT.recompute(handle, ticketId, now);
        });
        request(runner, "defaults changed");
        runner.runToEnd();
        SlaRecalculation done = runner.latest().orElseThrow();
        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.done()).isEqualTo(799);
        assertThat(count("sla_response_seconds = 1")).isEqualTo(799);
    }

    @Test
    void aNewRequest_supersedesTheUnfinishedOne_andStartsOver() {
        SlaRecalculations runner = runner(COUNT);
        long first = request(runner, "first edit");
        runner.step();
        runner.step();
        long second = request(runner, "second edit");
        runner.runToEnd();
        List<String> states = jdbi.withHandle(handle -> handle.createQuery(
                "select state from sla_recalculation order by id").mapTo(String.class).list());
        assertThat(states).containsExactly("superseded", "done");
        assertThat(second).isGreaterThan(first);
        assertThat(count("status not in ('resolved', 'closed') and sla_response_seconds >= 1"))
                .as("every open ticket recomputed by the second run").isEqualTo(800);
    }

    @Test
    void twoRunnersAtOnce_recomputeEachTicketOnce() throws Exception {
        request(runner(COUNT), "calendar edited");
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> runner(COUNT).runToEnd());
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> runner(COUNT).runToEnd());
        CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);
        // a runner that found the request held by the other returns; finish whatever is left
        runner(COUNT).runToEnd();
        assertThat(count("status not in ('resolved', 'closed') and sla_response_seconds = 1")).isEqualTo(800);
        assertThat(count("sla_response_seconds > 1")).isZero();
    }

    @Test
    void anAgentsChangeInFlight_isWaitedFor_andNotOverwritten() throws Exception {
        long ticket = idOf("Ticket 2");
        request(runner(COUNT), "rule edited");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> agent = CompletableFuture.runAsync(() -> jdbi.useTransaction(handle -> {
            handle.createQuery("select id from ticket where id = :id for update").bind("id", ticket).mapTo(Long.class).one();
            handle.createUpdate("update ticket set subject = 'changed by the agent' where id = :id").bind("id", ticket).execute();
            locked.countDown();
            await(release);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<SlaRecalculations.Step> batch = CompletableFuture.supplyAsync(() -> runner(COUNT).step());
        Thread.sleep(300);
        assertThat(batch).as("the batch waits for the agent's transaction").isNotDone();
        release.countDown();
        agent.get(10, TimeUnit.SECONDS);
        assertThat(batch.get(10, TimeUnit.SECONDS)).isEqualTo(SlaRecalculations.Step.BATCH);
        String after = jdbi.withHandle(handle -> handle.createQuery(
                "select subject || ':' || sla_paused from ticket where id = :id").bind("id", ticket).mapTo(String.class).one());
        assertThat(after)
                .as("the agent's change stands, and the recompute saw it").isEqualTo("changed by the agent:true");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long idOf(String subject) {
        return jdbi.withHandle(handle -> handle.createQuery("select id from ticket where subject = :s")
                .bind("s", subject).mapTo(Long.class).one());
    }
}
