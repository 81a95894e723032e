package io.supporthub.hub.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sort=due} and {@code sla=overdue|due_today} on {@code GET /api/tickets} and the views' counts, on tickets whose
 * SLA columns are set here in SQL. The company's zone is Tokyo: at 09:00 UTC it is 18:00 there, so "today" runs from
 * 15:00 UTC yesterday to 15:00 UTC today. Several tickets share a due time, so the id breaks ties across pages.
 */
class DueListsTest {

    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    /** Minutes from now of each ticket's due time; null: no SLA; "paused" ones get sla_paused and no due time. */
    static final Integer[] DUE_IN = {-1500, -120, -30, -30, -30, 30, 200, 300, 300, 420, 2000, null, null, null, -120,
            30, null, 5000};

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of(), false, NOW.minus(Duration.ofHours(2)));
        hub.logIn();
        assertThat(hub.patch("/api/settings", Map.of("timeZone", "Asia/Tokyo")).status()).isEqualTo(200);
        // The calendar the tickets' planned times were computed on: a due time comes with SLA terms.
        long calendar = hub.post("/api/calendars", Map.of("name", "Office", "timeZone", "Asia/Tokyo", "default", true,
                "hours", Map.of("mon", List.of(List.of("09:00", "18:00"))))).json().get("id").asLong();
        for (int i = 0; i < DUE_IN.length; i++) {
            if (i % 4 == 0) {
                hub.clock.advance(Duration.ofMinutes(1));
            }
            long id = hub.inbound("due-" + i, "Due " + i, "due" + i + "@example.com", "Question " + i).json()
                    .get("ticketId").asLong();
            if (i % 3 == 0) {
                hub.patch("/api/tickets/" + id, Map.of("assignee", "me"));
            }
            if (i % 5 == 4) {
                hub.post("/api/tickets/" + id + "/status", Map.of("status", "pending"));
            }
            Integer minutes = DUE_IN[i];
            boolean paused = minutes == null && id % 2 == 0;
            hub.app.database().jdbi().useHandle(handle -> handle.createUpdate(
                            "update ticket set sla_due_at = :due, sla_paused = :paused, sla_calendar_id = :calendar where id = :id")
                    .bind("due", minutes == null ? null : NOW.plus(Duration.ofMinutes(minutes))).bind("paused", paused)
                    .bind("calendar", minutes != null || paused ? calendar : null).bind("id", id).execute());
        }
        hub.clock.set(NOW);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void dueOrder_andWindows_pageInTheExactOrder_withTheOtherFilters() {
        Instant todayFrom = Instant.parse("2026-11-01T15:00:00Z");
        Instant todayBefore = Instant.parse("2026-11-02T15:00:00Z");
        String overdue = "sla_due_at < '" + NOW + "'";
        String dueToday = "sla_due_at >= '" + todayFrom + "' and sla_due_at < '" + todayBefore + "'";
        Map<String, String> dueSorted = new LinkedHashMap<>();
        dueSorted.put("sort=due", "true");
        dueSorted.put("sort=due&assignee=me", "assignee_id = 1");
        dueSorted.put("sort=due&status=open,awaiting_reply", "status in ('open', 'awaiting_reply')");
        dueSorted.put("sort=due&status=pending&group=mine",
                "status = 'pending' and group_id in (select group_id from agent_group_member where agent_id = 1)");
        dueSorted.put("sort=due&sla=overdue", overdue);
        dueSorted.put("sort=due&sla=due_today", dueToday);
        dueSorted.put("sort=due&sla=due_today&assignee=me", dueToday + " and assignee_id = 1");
        dueSorted.forEach((query, where) -> {
            List<Long> expected = ids("select id from ticket where " + where
                    + " and sla_due_at is not null order by sla_due_at, id");
            if (!query.contains("sla=")) {
                expected.addAll(ids("select id from ticket where " + where
                        + " and sla_due_at is null order by last_message_at desc, id desc"));
            }
            assertThat(expected).as(query).isNotEmpty();
            assertThat(pageThrough(query)).as(query).isEqualTo(expected);
        });
        Map<String, String> recent = Map.of("sla=overdue", overdue, "sla=due_today&status=open", dueToday + " and status = 'open'");
        recent.forEach((query, where) -> {
            List<Long> expected = ids("select id from ticket where " + where + " order by last_message_at desc, id desc");
            assertThat(expected).as(query).isNotEmpty();
            assertThat(pageThrough(query)).as(query).isEqualTo(expected);
        });
        // Due today holds this morning's overdue tickets, not yesterday's.
        assertThat(pageThrough("sla=due_today")).hasSize(10);
        assertThat(pageThrough("sla=overdue")).hasSize(6);
    }

    @Test
    void counts_ofOverdueAndDueToday() {
        JsonNode counts = hub.get("/api/tickets/counts").json();
        assertThat(counts.get("overdue").get("count").asLong()).isEqualTo(6);
        assertThat(counts.get("due_today").get("count").asLong()).isEqualTo(10);
        assertThat(counts.get("overdue").get("more").asBoolean()).isFalse();
    }

    @Test
    void badValues_areRefused_withWhatIsExpected() {
        assertThat(hub.get("/api/tickets?sla=late").status()).isEqualTo(400);
        assertThat(hub.get("/api/tickets?sla=late").body()).contains("overdue or due_today");
        assertThat(hub.get("/api/tickets?sort=oldest").body()).contains("'sort' must be due or recent");
        assertThat(hub.get("/api/tickets?sort=due&q=question").status()).isEqualTo(400);
        String dueCursor = URLEncoder.encode(TicketFilter.dueCursor(NOW, 3), StandardCharsets.UTF_8);
        assertThat(hub.get("/api/tickets?after=" + dueCursor).body()).contains("add 'sort=due'");
    }

    private static List<Long> ids(String sql) {
        return new ArrayList<>(hub.app.transactions().read(handle -> handle.createQuery(sql).mapTo(Long.class).list()));
    }

    private static List<Long> pageThrough(String query) {
        List<Long> seen = new ArrayList<>();
        String after = null;
        do {
            TestHub.Response response = hub.get("/api/tickets?limit=3&" + query
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(200);
            JsonNode page = response.json();
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        return seen;
    }
}
