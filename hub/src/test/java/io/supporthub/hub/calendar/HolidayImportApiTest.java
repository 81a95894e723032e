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

/** {@code POST /api/calendars/{id}/holidays}: public holidays imported as exception days to check. */
class HolidayImportApiTest {

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

    private static long create(String name, String zone, List<Map<String, Object>> exceptions) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            hours.put(day, List.of(List.of("09:00", "18:00")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("timeZone", zone);
        body.put("hours", hours);
        body.put("exceptions", exceptions);
        TestHub.Response created = hub.post("/api/calendars", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<String> dates(JsonNode list) {
        List<String> dates = new ArrayList<>();
        list.forEach(day -> dates.add(day.get("date").asText()));
        return dates;
    }

    private static JsonNode exception(JsonNode calendar, String date) {
        for (JsonNode day : calendar.get("exceptions")) {
            if (day.get("date").asText().equals(date)) {
                return day;
            }
        }
        throw new AssertionError("no exception on " + date + " in " + calendar);
    }

    @Test
    void russia2027_addsTheNewYearWeekAndTheOtherPublicHolidays_closedAndMarkedImported() {
        long id = create("Moscow holidays", "Europe/Moscow", List.of());
        TestHub.Response response = hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "RU", "year", 2027));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        // Jan 2-3 are a weekend; the weekday holidays of Jan 1-8 are all there, Saturday Jan 9 moved to Monday Jan 11.
        assertThat(dates(answer.get("added"))).startsWith("2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06",
                "2027-01-07", "2027-01-08").contains("2027-02-23", "2027-03-08", "2027-05-10", "2027-06-14",
                "2027-11-04");
        assertThat(answer.get("skipped")).isEmpty();
        JsonNode newYear = exception(answer.get("calendar"), "2027-01-01");
        assertThat(newYear.get("hours")).isEmpty();
        assertThat(newYear.get("name").asText()).isEqualTo("New Year's Day");
        assertThat(newYear.get("imported").asBoolean()).isTrue();
        assertThat(exception(answer.get("calendar"), "2027-01-07").get("name").asText()).isEqualTo("Christmas");

        // the days count as closed in the arithmetic: Thursday 2026-12-31 17:00 Moscow + 2 h is Tuesday 2027-01-12 10:00
        JsonNode due = hub.get("/api/calendars/" + id + "/add?from=2026-12-31T14:00:00Z&seconds=7200").json();
        assertThat(due.get("at").asText()).isEqualTo("2027-01-12T07:00:00Z");
        JsonNode audit = hub.get("/api/audit?action=calendar.holidays_imported").json().get("items");
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).get("after").toString()).contains("New Year's Day");
        assertThat(audit.get(0).get("before").get("exceptions")).isEmpty();
    }

    @Test
    void unitedStates2027_givesTheObservedDays_andNoObservances() {
        long id = create("New York holidays", "America/New_York", List.of());
        JsonNode answer = hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "us", "year", 2027)).json();
        assertThat(dates(answer.get("added"))).contains("2027-01-01", "2027-01-18", "2027-05-31", "2027-07-05",
                "2027-09-06", "2027-11-25", "2027-12-24").doesNotContain("2027-07-04", "2027-02-14", "2027-10-31");
        assertThat(exception(answer.get("calendar"), "2027-11-25").get("name").asText()).isEqualTo("Thanksgiving Day");
    }

    @Test
    void anExistingExceptionDay_isKeptAsTheAdminMadeIt_andListedAsSkipped() {
        long id = create("Kept days", "Europe/Moscow", List.of(
                Map.of("date", "2027-01-08", "hours", List.of(List.of("10:00", "15:00")), "name", "Our own short day")));
        JsonNode answer = hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "RU", "year", 2027)).json();
        assertThat(dates(answer.get("skipped"))).containsExactly("2027-01-08");
        assertThat(answer.get("skipped").get(0).get("reason").asText()).contains("exception", "Our own short day");
        assertThat(dates(answer.get("added"))).doesNotContain("2027-01-08").contains("2027-01-07");
        JsonNode kept = exception(answer.get("calendar"), "2027-01-08");
        assertThat(kept.get("hours").toString()).isEqualTo("[[\"10:00\",\"15:00\"]]");
        assertThat(kept.has("imported")).isFalse();

        JsonNode again = hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "RU", "year", 2027)).json();
        assertThat(again.get("added")).isEmpty();
        assertThat(again.get("skipped").size()).isEqualTo(answer.get("added").size() + 1);
    }

    @Test
    void theImportedMark_survivesAPutThatSendsItBack_andIsClearedByAnEditOrReviewed() {
        long id = create("Reviewed days", "Europe/Moscow", List.of());
        JsonNode calendar = hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "RU", "year", 2027))
                .json().get("calendar");
        TestHub.Response sameBack = hub.request("PUT", "/api/calendars/" + id, calendar, Map.of());
        assertThat(sameBack.status()).as(sameBack.body()).isEqualTo(200);
        assertThat(exception(sameBack.json(), "2027-02-23").get("imported").asBoolean()).isTrue();

        ((com.fasterxml.jackson.databind.node.ObjectNode) exception(calendar, "2027-02-23")).remove("imported");
        ((com.fasterxml.jackson.databind.node.ObjectNode) exception(calendar, "2027-03-08")).put("reviewed", true);
        JsonNode edited = hub.request("PUT", "/api/calendars/" + id, calendar, Map.of()).json();
        assertThat(exception(edited, "2027-02-23").has("imported")).isFalse();
        assertThat(exception(edited, "2027-02-23").get("name").asText()).isEqualTo("Defender of the Fatherland");
        assertThat(exception(edited, "2027-03-08").has("imported")).isFalse();
        assertThat(exception(edited, "2027-11-04").get("imported").asBoolean()).isTrue();
        assertThat(hub.get("/api/calendars/" + id).json()).isEqualTo(edited);

        JsonNode copy = hub.post("/api/calendars/" + id + "/copy", Map.of()).json();
        assertThat(exception(copy, "2027-11-04").get("imported").asBoolean()).as("a copy keeps the marks").isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) exception(calendar, "2027-11-04")).put("imported", "yes");
        assertThat(hub.request("PUT", "/api/calendars/" + id, calendar, Map.of()).status()).isEqualTo(400);
        ((com.fasterxml.jackson.databind.node.ObjectNode) exception(calendar, "2027-11-04")).put("imported", true)
                .put("name", "x".repeat(201));
        assertThat(hub.request("PUT", "/api/calendars/" + id, calendar, Map.of()).status()).isEqualTo(400);
        assertThat(hub.get("/api/calendars/" + id).json()).isEqualTo(edited);
    }

    @Test
    void anUnknownCountry_answers422SayingHowToWriteIt_andABadYear400() {
        long id = create("Refusals", "Europe/Moscow", List.of());
        TestHub.Response unknown = hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "Russia", "year", 2027));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("message").asText()).contains("ISO 3166 alpha-2", "RU", "US");
        assertThat(hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "ZZ", "year", 2027)).status())
                .isEqualTo(422);
        assertThat(hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "NYSE", "year", 2027)).status())
                .as("a stock exchange is not a country").isEqualTo(422);
        for (Object year : List.of(1899, 2201, "2027", 2027.5)) {
            TestHub.Response bad = hub.post("/api/calendars/" + id + "/holidays", Map.of("country", "RU", "year", year));
            assertThat(bad.status()).as(String.valueOf(year)).isEqualTo(400);
        }
        assertThat(hub.post("/api/calendars/" + id + "/holidays", Map.of("year", 2027)).status()).isEqualTo(400);
        assertThat(hub.post("/api/calendars/999999/holidays", Map.of("country", "RU", "year", 2027)).status())
                .isEqualTo(404);
        assertThat(hub.get("/api/calendars/" + id).json().get("exceptions")).isEmpty();
    }

    @Test
    void anAgentMayNotImportHolidays() {
        long id = create("Admins import", "Europe/Moscow", List.of());
        long agentId = hub.post("/api/agents", Map.of("email", "holiday-agent@test.local", "name", "Holiday Agent",
                "password", "blue tractor morning")).json().get("id").asLong();
        String token = hub.post("/api/agents/" + agentId + "/token", Map.of()).json().get("token").asText();
        TestHub.Response refused = hub.request("POST", "/api/calendars/" + id + "/holidays",
                Map.of("country", "RU", "year", 2027), Map.of("Authorization", "Bearer " + token));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(hub.get("/api/calendars/" + id).json().get("exceptions")).isEmpty();
    }
}
