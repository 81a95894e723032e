package io.supporthub.hub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a calendar, a rule or the defaults recomputes open tickets' planned times, through the hub's routes. The
 * hub's clock stands at Monday 2 November 2026, 09:00 UTC; the runner is driven by hand (no background work here).
 */
class SlaRecalculationApiTest {

    static TestHub hub;
    static long calendarId;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        TestHub.Response calendar = hub.post("/api/calendars", Map.of("name", "Office", "timeZone", "UTC",
                "hours", week("09:00", "18:00")));
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(201);
        calendarId = calendar.json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static Map<String, Object> week(String from, String to) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            hours.put(day, List.of(List.of(from, to)));
        }
        hours.put("sat", List.of());
        hours.put("sun", List.of());
        return hours;
    }

    private static JsonNode latest() {
        TestHub.Response response = hub.get("/api/sla/recalculations/latest");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String responseDue(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("sla").get("responseDueAt").asText();
    }

    @Test
    void calendarRuleAndDefaultsEdits_recomputeOpenTickets() {
        // The first calendar became the default: tickets counting on "the default calendar" are stale.
        assertThat(latest().get("reason").asText()).isEqualTo("calendar 'Office' changed");
        hub.app.slaRecalculations().runToEnd();
        assertThat(latest().get("state").asText()).isEqualTo("done");

        TestHub.Response defaults = hub.request("PUT", "/api/sla/defaults", Map.of("calendarId", calendarId,
                "responseSeconds", 3600, "resolutionSeconds", 28800), Map.of());
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(latest().get("state").asText()).isEqualTo("pending");
        assertThat(latest().get("reason").asText()).isEqualTo("SLA defaults changed");
        hub.app.slaRecalculations().runToEnd();

        long ticket = hub.inbound("recalc-1", "Rita", "rita@example.com", "Where is my parcel?").json().get("ticketId").asLong();
        assertThat(responseDue(ticket)).isEqualTo("2026-11-02T10:00:00Z");

        // The office now opens at 10:00: the ticket registered at 09:00 is due an hour after opening.
        TestHub.Response edited = hub.request("PUT", "/api/calendars/" + calendarId, Map.of("name", "Office",
                "timeZone", "UTC", "hours", week("10:00", "18:00")), Map.of());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode pending = latest();
        assertThat(pending.get("state").asText()).isEqualTo("pending");
        assertThat(pending.get("reason").asText()).isEqualTo("calendar 'Office' changed");
        assertThat(responseDue(ticket)).as("not yet recomputed").isEqualTo("2026-11-02T10:00:00Z");

        hub.app.slaRecalculations().runToEnd();
        JsonNode done = latest();
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("total").asInt()).isEqualTo(1);
        assertThat(done.get("done").asInt()).isEqualTo(1);
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(responseDue(ticket)).isEqualTo("2026-11-02T11:00:00Z");

        // A rule for the web channel's tickets: 10 minutes to respond, chosen anew for the open ticket.
        TestHub.Response rule = hub.post("/api/sla/rules", Map.of("name", "Web first", "conditions",
                Map.of("channels", List.of("api")), "responseSeconds", 600, "resolutionSeconds", 7200));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        assertThat(latest().get("reason").asText()).isEqualTo("SLA rule 'Web first' added");
        hub.app.slaRecalculations().runToEnd();
        JsonNode sla = hub.get("/api/tickets/" + ticket).json().get("sla");
        assertThat(sla.get("ruleName").asText()).isEqualTo("Web first");
        assertThat(sla.get("responseDueAt").asText()).isEqualTo("2026-11-02T10:10:00Z");

        // By hand: an admin asks for one; the answer is the pending request.
        TestHub.Response asked = hub.post("/api/sla/recalculations", Map.of());
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().get("state").asText()).isEqualTo("pending");
        assertThat(asked.json().get("reason").asText()).isEqualTo("asked for by hand");
        hub.app.slaRecalculations().runToEnd();
        assertThat(latest().get("state").asText()).isEqualTo("done");
    }
}
