package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket page and the inbox show times in the viewer's zone and name it; postponing takes a wall-clock time with
 * its zone, while the API keeps answering UTC instants.
 */
class TicketTimeZonePageTest {

    static TestHub hub;
    static long ticketId;

    @BeforeAll
    static void start() {
        hub = new TestHub(); // the clock: 2026-11-02T09:00:00Z
        hub.logIn();
        ticketId = hub.inbound("tz-1", "Tomoko Tanaka", "tomoko@example.com", "When do you open?").json().get("ticketId").asLong();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static void zone(String zone) {
        assertThat(hub.request("PUT", "/api/me/preferences", Map.of("timeZone", zone), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theTicketsTimesAreInTheAgentsZone() {
        assertThat(hub.request("PUT", "/api/me/preferences", Map.of(), Map.of()).status()).isEqualTo(200); // the company's: UTC
        String utc = hub.get("/tickets/" + ticketId).body();
        assertThat(utc).contains("title=\"2 Nov 09:00 UTC\"").contains("opened 2 Nov 09:00 UTC");

        zone("Asia/Tokyo");
        String tokyo = hub.get("/tickets/" + ticketId).body();
        // The customer's message arrived at 09:00 UTC: 18:00 in Tokyo (+9 h), on the thread, the timeline and the head.
        assertThat(tokyo).contains("<time title=\"2 Nov 18:00 Tokyo\">");
        assertThat(tokyo).contains("opened 2 Nov 18:00 Tokyo");
        assertThat(tokyo).contains("<time>2 Nov 18:00 Tokyo</time>");
        assertThat(tokyo).doesNotContain("09:00 UTC");
        // The postpone picker names the zone it takes times in.
        assertThat(tokyo).contains("id=\"postpone-zone\">Tokyo (UTC+09:00)</span>").contains("data-time-zone=\"Asia/Tokyo\"");
        assertThat(tokyo).contains("data-local=\"2026-11-03T09:00\"").contains(">tomorrow 09:00</button>");

        String inbox = hub.get("/").body();
        assertThat(inbox).contains("Waiting since 2 Nov 18:00 Tokyo");

        zone("America/New_York");
        assertThat(hub.get("/tickets/" + ticketId).body()).contains("<time title=\"2 Nov 04:00 New York\">");
    }

    @Test
    void postponingTakesALocalTimeInAZone_andAnswersInUtc() {
        zone("Asia/Tokyo");
        long ticketId = hub.inbound("tz-2", "Kenji Sato", "kenji@example.com", "Call me tomorrow").json().get("ticketId").asLong();
        TestHub.Response postponed = hub.post("/api/tickets/" + ticketId + "/status",
                Map.of("status", "postponed", "localUntil", "2026-11-04T09:00", "timeZone", "Asia/Tokyo"));
        assertThat(postponed.status()).isEqualTo(200);
        JsonNode ticket = postponed.json();
        assertThat(ticket.get("postponedUntil").asText()).isEqualTo("2026-11-04T00:00:00Z");
        // The picker shows it back as the agent's wall-clock time.
        String page = hub.get("/tickets/" + ticketId).body();
        assertThat(page).contains("id=\"postpone-until\" value=\"2026-11-04T09:00\"");
        assertThat(page).contains(">until 4 Nov 09:00 Tokyo</span>");

        // A time in Paris's spring gap moves forward; the UTC form still works.
        assertThat(hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "postponed",
                "localUntil", "2027-03-28T02:30", "timeZone", "Europe/Paris")).json().get("postponedUntil").asText())
                .isEqualTo("2027-03-28T01:30:00Z");
        assertThat(hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "postponed",
                "until", "2026-11-05T10:00:00Z")).json().get("postponedUntil").asText()).isEqualTo("2026-11-05T10:00:00Z");

        TestHub.Response noZone = hub.post("/api/tickets/" + ticketId + "/status",
                Map.of("status", "postponed", "localUntil", "2026-11-04T09:00"));
        assertThat(noZone.status()).isEqualTo(400);
        assertThat(noZone.json().get("message").asText()).contains("timeZone");
        TestHub.Response badZone = hub.post("/api/tickets/" + ticketId + "/status",
                Map.of("status", "postponed", "localUntil", "2026-11-04T09:00", "timeZone", "Nowhere/Land"));
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.json().get("message").asText()).contains("'Nowhere/Land'");
    }
}
