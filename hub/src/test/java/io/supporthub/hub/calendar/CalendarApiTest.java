package io.supporthub.hub.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/calendars} on PostgreSQL: storing, the one default, copying, refusals and the arithmetic routes. */
class CalendarApiTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static Map<String, Object> moscow(String name) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            hours.put(day, List.of(List.of("09:00", "13:00"), List.of("14:00", "18:00")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("timeZone", "Europe/Moscow");
        body.put("hours", hours);
        body.put("exceptions", List.of(
                Map.of("date", "2027-01-01", "hours", List.of()),
                Map.of("date", "2026-12-31", "hours", List.of(List.of("09:00", "14:00")))));
        return body;
    }

    private static long create(Map<String, Object> body) {
        TestHub.Response created = hub.post("/api/calendars", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<String> defaults() {
        List<String> names = new ArrayList<>();
        hub.get("/api/calendars").json().forEach(c -> {
            if (c.get("default").asBoolean()) {
                names.add(c.get("name").asText());
            }
        });
        return names;
    }

    @Test
    void aCalendarIsStoredAndReadBackInTheIssuesShape_andTheFirstIsTheDefault() {
        long id = create(moscow("Moscow office"));
        JsonNode read = hub.get("/api/calendars/" + id).json();
        assertThat(read.get("name").asText()).isEqualTo("Moscow office");
        assertThat(read.get("timeZone").asText()).isEqualTo("Europe/Moscow");
        assertThat(read.get("hours").get("mon").toString()).isEqualTo("[[\"09:00\",\"13:00\"],[\"14:00\",\"18:00\"]]");
        assertThat(read.get("hours").get("sat").toString()).isEqualTo("[]");
        assertThat(read.get("exceptions").toString()).isEqualTo(
                "[{\"date\":\"2026-12-31\",\"hours\":[[\"09:00\",\"14:00\"]]},{\"date\":\"2027-01-01\",\"hours\":[]}]");
        assertThat(defaults()).containsExactly(defaults().get(0));
        assertThat(hub.get("/api/calendars/999999").status()).isEqualTo(404);
    }

    @Test
    void onlyOneCalendarIsTheDefault_andTheDefaultIsNotDeleted() {
        long a = create(moscow("Default A"));
        Map<String, Object> bBody = moscow("Default B");
        bBody.put("default", true);
        long b = create(bBody);
        assertThat(defaults()).containsExactly("Default B");
        Map<String, Object> aDefault = moscow("Default A");
        aDefault.put("default", true);
        assertThat(hub.request("PUT", "/api/calendars/" + a, aDefault, Map.of()).status()).isEqualTo(200);
        assertThat(defaults()).containsExactly("Default A");

        TestHub.Response refused = hub.request("DELETE", "/api/calendars/" + a, null, Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("default calendar");
        Map<String, Object> unDefault = moscow("Default A");
        unDefault.put("default", false);
        assertThat(hub.request("PUT", "/api/calendars/" + a, unDefault, Map.of()).status()).isEqualTo(422);

        assertThat(hub.request("DELETE", "/api/calendars/" + b, null, Map.of()).status()).isEqualTo(204);
        assertThat(hub.get("/api/calendars/" + b).status()).isEqualTo(404);
        Long dbDefaults = hub.app.transactions().read(handle ->
                handle.createQuery("select count(*) from calendar where is_default").mapTo(Long.class).one());
        assertThat(dbDefaults).isEqualTo(1);
    }

    @Test
    void anEditIsTakenIntoAccountByTheArithmetic() {
        long id = create(moscow("Editable"));
        String from = "/api/calendars/" + id + "/add?from=2026-12-04T14:00:00Z&minutes=120";
        // Friday 17:00 Moscow (UTC+3): one hour on Friday, then Monday 09:00-10:00
        assertThat(hub.get(from).json().get("at").asText()).isEqualTo("2026-12-07T07:00:00Z");
        Map<String, Object> withSaturday = moscow("Editable");
        withSaturday.put("exceptions", List.of(Map.of("date", "2026-12-05", "hours", List.of(List.of("10:00", "16:00")))));
        JsonNode changed = hub.request("PUT", "/api/calendars/" + id, withSaturday, Map.of()).json();
        assertThat(changed.get("exceptions").get(0).get("date").asText()).isEqualTo("2026-12-05");
        assertThat(hub.get(from).json().get("at").asText()).isEqualTo("2026-12-05T08:00:00Z");
    }

    @Test
    void addSubtractAndBetween_answerInstantsAndSeconds() {
        long id = create(moscow("Arithmetic"));
        String base = "/api/calendars/" + id;
        assertThat(hub.get(base + "/add?from=2026-12-31T10:30:00Z&seconds=3600").json().get("at").asText())
                .as("the shortened day closes at 14:00 Moscow, the 1st is a holiday, then the weekend")
                .isEqualTo("2027-01-04T06:30:00Z");
        assertThat(hub.get(base + "/subtract?from=2027-01-04T06:30:00Z&seconds=3600").json().get("at").asText())
                .isEqualTo("2026-12-31T10:30:00Z");
        assertThat(hub.get(base + "/add?from=2026-12-05T10:00:00Z&seconds=0").json().get("at").asText())
                .isEqualTo("2026-12-07T06:00:00Z");
        assertThat(hub.get(base + "/between?from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z").json().get("seconds")
                .asLong()).isEqualTo(40 * 3600);
        assertThat(hub.get(base + "/add?from=yesterday&seconds=1").status()).isEqualTo(400);
        assertThat(hub.get(base + "/add?from=2026-12-05T10:00:00Z").status()).isEqualTo(400);
        assertThat(hub.get(base + "/add?from=2026-12-05T10:00:00Z&seconds=-5").status()).isEqualTo(400);
        assertThat(hub.get("/api/calendars/999999/add?from=2026-12-05T10:00:00Z&seconds=5").status()).isEqualTo(404);
        assertThat(hub.get(base + "/add?from=2026-12-05T10:00:00Z&minutes=6000000").status()).isEqualTo(400);
        assertThat(hub.get(base + "/between?from=2026-12-05T10:00:00Z&to=2200-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(hub.get(base + "/add?from=2026-12-05T10:00:00Z&seconds=abc").status()).isEqualTo(400);
    }

    @Test
    void calendarChanges_areInTheAuditLog() {
        long id = create(moscow("Audited calendar"));
        Map<String, Object> changed = moscow("Audited calendar");
        changed.put("timeZone", "Europe/Paris");
        assertThat(hub.request("PUT", "/api/calendars/" + id, changed, Map.of()).status()).isEqualTo(200);
        JsonNode updated = hub.get("/api/audit?action=calendar.updated").json().get("items").get(0);
        assertThat(updated.toString()).contains("Europe/Moscow", "Europe/Paris");
        assertThat(hub.get("/api/audit?action=calendar.created").json().get("items").toString()).contains("Audited calendar");
    }

    @Test
    void aCalendarIsCopied_notAsTheDefault() {
        long id = create(moscow("Original"));
        TestHub.Response copy = hub.post("/api/calendars/" + id + "/copy", Map.of());
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        assertThat(copy.json().get("name").asText()).isEqualTo("Original (copy)");
        assertThat(copy.json().get("default").asBoolean()).isFalse();
        assertThat(copy.json().get("hours")).isEqualTo(hub.get("/api/calendars/" + id).json().get("hours"));
        assertThat(copy.json().get("exceptions")).isEqualTo(hub.get("/api/calendars/" + id).json().get("exceptions"));
        assertThat(hub.post("/api/calendars/" + id + "/copy", Map.of()).json().get("name").asText()).isEqualTo("Original (copy 2)");
        assertThat(hub.post("/api/calendars/" + id + "/copy", Map.of("name", "Night shift")).json().get("name").asText())
                .isEqualTo("Night shift");
        assertThat(hub.post("/api/calendars/" + id + "/copy", Map.of("name", "night SHIFT")).status()).isEqualTo(409);
    }

    @Test
    void refusedCalendars_answer422WithTheReason() {
        Map<String, Object> backwards = moscow("Backwards");
        backwards.put("hours", Map.of("mon", List.of(List.of("18:00", "09:00"))));
        assertRefused(backwards, "end must be after the start");
        Map<String, Object> overlapping = moscow("Overlapping");
        overlapping.put("hours", Map.of("tue", List.of(List.of("09:00", "13:00"), List.of("12:00", "18:00"))));
        assertRefused(overlapping, "intervals 09:00-13:00 and 12:00-18:00 on Tuesday overlap");
        Map<String, Object> nothing = moscow("Nothing");
        nothing.put("hours", Map.of());
        nothing.put("exceptions", List.of(Map.of("date", "2027-01-01", "hours", List.of())));
        assertRefused(nothing, "no working time at all");
        Map<String, Object> zone = moscow("Atlantis");
        zone.put("timeZone", "Atlantis/Capital");
        assertRefused(zone, "unknown time zone");
        Map<String, Object> badTime = moscow("Bad time");
        badTime.put("hours", Map.of("wed", List.of(List.of("9h", "18:00"))));
        assertRefused(badTime, "\"9h\" is not a time of day");

        Map<String, Object> badDay = moscow("Bad day");
        badDay.put("hours", Map.of("monday", List.of()));
        assertThat(hub.post("/api/calendars", badDay).status()).isEqualTo(400);
        assertThat(hub.post("/api/calendars", Map.of("timeZone", "UTC")).status()).isEqualTo(400);
        create(moscow("Taken"));
        assertThat(hub.post("/api/calendars", moscow("TAKEN")).status()).isEqualTo(409);
    }

    private static void assertRefused(Map<String, Object> body, String message) {
        TestHub.Response refused = hub.post("/api/calendars", body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains(message);
    }

    @Test
    void anAgentMayNotSeeOrChangeCalendars() {
        long calendar = create(moscow("Admins only"));
        long agentId = hub.post("/api/agents", Map.of("email", "calendar-agent@test.local", "name", "Cal Agent",
                "password", "blue tractor morning")).json().get("id").asLong();
        String token = hub.post("/api/agents/" + agentId + "/token", Map.of()).json().get("token").asText();
        Map<String, String> asAgent = Map.of("Authorization", "Bearer " + token);
        assertThat(hub.request("GET", "/api/calendars", null, asAgent).status()).isEqualTo(403);
        assertThat(hub.request("POST", "/api/calendars", moscow("Agent's"), asAgent).status()).isEqualTo(403);
        assertThat(hub.request("GET", "/api/calendars/" + calendar + "/add?from=2026-12-05T10:00:00Z&seconds=1", null,
                asAgent).status()).isEqualTo(403);
    }
}
