package io.supporthub.hub.scheduler;

import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Postponed wake-up and auto-close, by the jobs' re-checking actions and by Quartz itself. */
class TicketTimersTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("AUTO_CLOSE_DAYS", "3"), true, Instant.now());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void logIn() {
        hub.logIn();
    }

    private long ticket(String id) {
        return hub.inbound(id, "Dee", id + "@example.com", "Help").json().get("ticketId").asLong();
    }

    private String status(long id) {
        return hub.app.transactions().read(h -> new TicketQueries(h).find(id)).map(Ticket::status).orElseThrow();
    }

    @Test
    void postponedTicket_returnsToOpenAtItsTime_notBefore() {
        long id = ticket("t-1");
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "postponed", "until", hub.clock.instant().plus(Duration.ofHours(2)).toString()));
        hub.clock.advance(Duration.ofHours(1));
        assertThat(hub.app.timers().wakeIfDue(id)).isFalse();
        assertThat(status(id)).isEqualTo("postponed");
        hub.clock.advance(Duration.ofHours(1));
        assertThat(hub.app.timers().wakeIfDue(id)).isTrue();
        assertThat(status(id)).isEqualTo("open");
        assertThat(hub.app.timers().wakeIfDue(id)).as("a second firing finds nothing to do").isFalse();
    }

    @Test
    void resolvedTicket_isClosedAfterAutoCloseDays_unlessReopened() {
        long closed = ticket("t-2");
        long reopened = ticket("t-3");
        hub.post("/api/tickets/" + closed + "/status", Map.of("status", "resolved"));
        hub.post("/api/tickets/" + reopened + "/status", Map.of("status", "resolved"));
        hub.post("/api/tickets/" + reopened + "/status", Map.of("status", "open"));
        hub.clock.advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(hub.app.timers().autoCloseIfDue(closed)).isFalse();
        hub.clock.advance(Duration.ofMinutes(1));
        assertThat(hub.app.timers().sweep()).isGreaterThanOrEqualTo(1);
        assertThat(status(closed)).isEqualTo("closed");
        assertThat(status(reopened)).isEqualTo("open");
        String timeline = hub.get("/api/tickets/" + closed).json().get("timeline").toString();
        assertThat(timeline).contains("\"actor\":\"system\"").contains("\"toStatus\":\"closed\"");
    }

    @Test
    void quartzFiresThePostponeTrigger_onTheClusteredJdbcStore() throws InterruptedException {
        long id = ticket("t-4");
        Instant until = Instant.now().plusSeconds(2);
        hub.clock.set(Instant.now());
        hub.logIn();
        assertThat(hub.post("/api/tickets/" + id + "/status", Map.of("status", "postponed", "until", until.toString())).status())
                .isEqualTo(200);
        long triggers = hub.app.transactions().read(h -> h.createQuery(
                "select count(*) from qrtz_triggers where trigger_name = :name").bind("name", "wake-" + id).mapTo(Long.class).one());
        assertThat(triggers).isEqualTo(1);
        hub.clock.set(until.plusMillis(1));
        long deadline = System.currentTimeMillis() + 20_000;
        while (!status(id).equals("open") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(status(id)).isEqualTo("open");
    }
}
