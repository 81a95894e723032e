package io.supporthub.hub.sla;

import io.supporthub.hub.support.TestDatabases;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Two whole hubs on one database, each running its own warnings job at the same moment: every notice goes out once. */
@Tag("serial")
class SlaWarningsTwoNodesTest {

    static TestHub first;
    static TestHub second;

    @BeforeAll
    static void start() {
        String url = TestDatabases.migratedDatabaseUrl();
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        first = new TestHub(url, Map.of(), false, start, Set.of());
        second = new TestHub(url, Map.of(), false, start, Set.of());
        first.logIn();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void bothNodesRunningAtOnce_sendEachNoticeOnce_andTheClaimReadsTheAlertIndex() throws Exception {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            hours.put(day, List.of(List.of("00:00", "24:00")));
        }
        long calendarId = first.post("/api/calendars", Map.of("name", "Always", "timeZone", "UTC", "hours", hours))
                .json().get("id").asLong();
        Instant now = first.clock.instant();
        first.database.jdbi().useHandle(handle -> {
            handle.execute("insert into contact (name, created_at) values ('Carl', now())");
            handle.createUpdate("insert into ticket (subject, status, line, contact_id, channel, created_at, updated_at, "
                            + "last_message_at, assignee_id, sla_calendar_id, sla_paused, response_due_at, "
                            + "resolution_due_at, sla_alert_at) select 'Bulk ' || n, 'open', 1, "
                            + "(select min(id) from contact), 'email', :now, :now, :now, (select min(id) from agent), "
                            + ":calendar, false, :responseDue, :resolutionDue, :now from generate_series(1, 600) n")
                    .bind("now", now).bind("calendar", calendarId)
                    .bind("responseDue", now.plus(Duration.ofMinutes(50)))
                    .bind("resolutionDue", now.plus(Duration.ofHours(8))).execute();
            handle.execute("analyze ticket");
        });
        first.clock.advance(Duration.ofMinutes(25));
        second.clock.advance(Duration.ofMinutes(25));

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> run(go, first));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> run(go, second));
        go.countDown();

        assertThat(a.get() + b.get()).as("notices sent by both nodes together").isEqualTo(600);
        long recorded = first.database.jdbi().<Long, RuntimeException>withHandle(handle -> handle.createQuery(
                "select count(*) from sla_notice where kind = 'response_warning'").mapTo(Long.class).one());
        assertThat(recorded).isEqualTo(600);
        assertThat(second.app.slaWarnings().runToEnd() + first.app.slaWarnings().runToEnd())
                .as("nothing more: the next moment is the breach").isZero();

        List<String> lines = first.database.jdbi().<List<String>, RuntimeException>withHandle(handle -> handle.createQuery(
                "explain select id from ticket where sla_alert_at <= now() order by sla_alert_at limit 200 "
                        + "for update skip locked").mapTo(String.class).list());
        String plan = String.join("\n", lines);
        assertThat(plan).as(plan).contains("ticket_sla_alert").doesNotContain("Seq Scan");
    }

    private static int run(CountDownLatch go, TestHub hub) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return hub.app.slaWarnings().runToEnd();
    }
}
