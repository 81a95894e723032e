package io.supporthub.hub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/sla} on PostgreSQL: rules in order, reordering, the one unconditional rule at the end, refusals, the
 * defaults, the preview, the calendar kept while used, permissions and the audit log.
 */
class SlaApiTest {

    static TestHub hub;
    static long moscow;
    static long london;
    static long incident;
    static long high;
    static long vip;
    static long acme;
    static Map<String, String> specialist;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        moscow = calendar("Moscow office", "Europe/Moscow");
        london = calendar("London office", "Europe/London");
        incident = catalogId("/api/types", "incident");
        high = hub.post("/api/priorities", Map.of("name", "sla-high")).json().get("id").asLong();
        vip = catalogId("/api/categories", "VIP client");
        acme = hub.post("/api/companies", Map.of("name", "Acme SLA", "categoryId", vip)).json().get("id").asLong();
        long id = hub.post("/api/agents", Map.of("email", "sla-specialist@test.local", "name", "Sla Specialist",
                "password", "a long enough password sla", "role", "specialist")).json().get("id").asLong();
        specialist = Map.of("Authorization", "Bearer " + hub.post("/api/agents/" + id + "/token", Map.of()).json().get("token").asText());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void empty() {
        hub.database.jdbi().useHandle(handle -> {
            handle.execute("delete from sla_rule");
            handle.execute("delete from sla_defaults");
        });
    }

    static long calendar(String name, String zone) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            hours.put(day, List.of(List.of("09:00", "18:00")));
        }
        TestHub.Response created = hub.post("/api/calendars", Map.of("name", name, "timeZone", zone, "hours", hours));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static long catalogId(String path, String name) {
        JsonNode list = hub.get(path).json();
        for (JsonNode item : list.isArray() ? list : list.path("items")) {
            if (item.get("name").asText().equals(name)) {
                return item.get("id").asLong();
            }
        }
        throw new IllegalStateException(name + " not in " + path + ": " + list);
    }

    private static Map<String, Object> rule(String name, Map<String, Object> conditions, Integer response, Integer resolution) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("conditions", conditions);
        body.put("responseSeconds", response);
        body.put("resolutionSeconds", resolution);
        return body;
    }

    private static long create(Map<String, Object> body) {
        TestHub.Response created = hub.post("/api/sla/rules", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        hub.get("/api/sla/rules").json().forEach(rule -> names.add(rule.get("name").asText()));
        return names;
    }

    private static JsonNode preview(Map<String, Object> body) {
        TestHub.Response answer = hub.post("/api/sla/preview", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void rulesKeepTheirOrder_newOnesGoBeforeTheCatchAll_andReorderingMovesTheWinner() {
        long incidents = create(rule("Incidents", Map.of("typeIds", List.of(incident)), 3600, 28_800));
        long rest = create(rule("Everything else", Map.of(), 7200, null));
        long vipRule = create(rule("VIP", Map.of("categoryIds", List.of(vip)), 1800, 14_400));
        assertThat(names()).containsExactly("Incidents", "VIP", "Everything else");
        JsonNode stored = hub.get("/api/sla/rules/" + vipRule).json();
        assertThat(stored.get("position").asInt()).isEqualTo(2);
        assertThat(stored.get("conditions").get("categoryIds").get(0).asLong()).isEqualTo(vip);
        assertThat(stored.get("calendarId").isNull()).isTrue();

        Map<String, Object> acmeIncident = Map.of("type", "Incident", "companyId", acme, "at", "2026-12-03T07:00:00Z");
        assertThat(preview(acmeIncident).get("rule").get("name").asText()).isEqualTo("Incidents");
        TestHub.Response reordered = hub.post("/api/sla/rules/order", Map.of("ids", List.of(vipRule, incidents, rest)));
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        assertThat(names()).containsExactly("VIP", "Incidents", "Everything else");
        assertThat(preview(acmeIncident).get("rule").get("name").asText()).isEqualTo("VIP");

        assertThat(hub.request("PATCH", "/api/sla/rules/" + vipRule, Map.of("enabled", false), Map.of()).status()).isEqualTo(200);
        assertThat(preview(acmeIncident).get("rule").get("name").asText()).as("disabled").isEqualTo("Incidents");

        assertThat(hub.request("DELETE", "/api/sla/rules/" + incidents, null, Map.of()).status()).isEqualTo(204);
        assertThat(names()).containsExactly("VIP", "Everything else");
        assertThat(hub.get("/api/sla/rules").json().get(1).get("position").asInt()).isEqualTo(2);
        assertThat(preview(acmeIncident).get("rule").get("name").asText()).isEqualTo("Everything else");
    }

    @Test
    void theOrderMustNameEveryRuleOnce() {
        long a = create(rule("A", Map.of("channels", List.of("email")), 60, null));
        long b = create(rule("B", Map.of("channels", List.of("sms")), 60, null));
        for (Object ids : List.of(List.of(a), List.of(a, a), List.of(a, b, 999_999), List.of(b, 999_999))) {
            TestHub.Response refused = hub.post("/api/sla/rules/order", Map.of("ids", ids));
            assertThat(refused.status()).as(ids.toString()).isEqualTo(422);
            assertThat(refused.json().get("message").asText()).contains("every SLA rule exactly once");
        }
        assertThat(hub.post("/api/sla/rules/order", Map.of("ids", "a")).status()).isEqualTo(400);
        assertThat(names()).containsExactly("A", "B");
    }

    @Test
    void aRuleWithoutConditionsMayOnlyBeLast() {
        long catchAll = create(rule("Catch all", Map.of(), 60, 60));
        long email = create(rule("Email", Map.of("channels", List.of("email")), 60, 60));
        assertThat(names()).containsExactly("Email", "Catch all");

        TestHub.Response second = hub.post("/api/sla/rules", rule("Second catch all", Map.of(), 60, 60));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().get("message").asText()).contains("'Catch all' has no conditions");

        TestHub.Response reorder = hub.post("/api/sla/rules/order", Map.of("ids", List.of(catchAll, email)));
        assertThat(reorder.status()).isEqualTo(422);
        assertThat(reorder.json().get("message").asText()).contains("only the last rule may be without conditions");

        Map<String, Object> noConditions = new HashMap<>();
        noConditions.put("conditions", Map.of("channels", List.of()));
        TestHub.Response update = hub.request("PATCH", "/api/sla/rules/" + email, noConditions, Map.of());
        assertThat(update.status()).isEqualTo(422);
        assertThat(update.json().get("message").asText()).contains("'Email' has no conditions");

        // a disabled one may stand anywhere, but is refused when enabled there
        assertThat(hub.request("PATCH", "/api/sla/rules/" + catchAll, Map.of("enabled", false), Map.of()).status()).isEqualTo(200);
        assertThat(hub.post("/api/sla/rules/order", Map.of("ids", List.of(catchAll, email))).status()).isEqualTo(200);
        TestHub.Response enable = hub.request("PATCH", "/api/sla/rules/" + catchAll, Map.of("enabled", true), Map.of());
        assertThat(enable.status()).isEqualTo(422);
        assertThat(enable.json().get("message").asText()).contains("'Catch all' has no conditions");
        assertThat(hub.get("/api/sla/rules/" + catchAll).json().get("enabled").asBoolean()).isFalse();
    }

    @Test
    void badRulesAreRefusedWithAMessage() {
        Map<Map<String, Object>, String> bad = new LinkedHashMap<>();
        bad.put(rule("x", Map.of("typeIds", List.of(999_991)), 60, null), "unknown ticket types: 999991");
        bad.put(rule("x", Map.of("priorityIds", List.of(999_992)), 60, null), "unknown priorities: 999992");
        bad.put(rule("x", Map.of("categoryIds", List.of(999_993)), 60, null), "unknown client categories: 999993");
        bad.put(rule("x", Map.of("companyIds", List.of(999_994)), 60, null), "unknown companies: 999994");
        bad.put(rule("x", Map.of("channels", List.of("pigeon")), 60, null), "unknown channel 'pigeon'");
        bad.put(rule("x", Map.of("weekdays", List.of("funday")), 60, null), "unknown weekday");
        bad.put(rule("x", Map.of("time", Map.of("from", "25:00", "to", "26:00")), 60, null), "not a time of day");
        bad.put(rule("x", Map.of("time", Map.of("from", "09:00", "to", "09:00")), 60, null), "same time");
        bad.put(rule("x", Map.of("channels", List.of("sms")), -1, null), "'responseSeconds' must not be negative");
        bad.put(rule("x", Map.of("channels", List.of("sms")), null, -5), "'resolutionSeconds' must not be negative");
        Map<String, Object> noCalendar = rule("x", Map.of("channels", List.of("sms")), 60, null);
        noCalendar.put("calendarId", 999_995);
        bad.put(noCalendar, "no calendar 999995");
        bad.put(rule("", Map.of(), 60, null), "'name' is required");
        bad.forEach((body, message) -> {
            TestHub.Response refused = hub.post("/api/sla/rules", body);
            assertThat(refused.status()).as(body.toString()).isBetween(400, 422);
            assertThat(refused.json().get("message").asText()).as(body.toString()).contains(message);
        });
        assertThat(hub.post("/api/sla/rules", Map.of("name", "x", "conditions", Map.of("colour", List.of()))).status()).isEqualTo(400);
        assertThat(names()).isEmpty();
    }

    @Test
    void theDefaultsApplyWhenNoRuleMatches_andMayBeNone() {
        assertThat(hub.get("/api/sla/defaults").json().get("responseSeconds").isNull()).isTrue();
        assertThat(preview(Map.of("channel", "email")).toString()).isEqualTo("{\"sla\":null}");
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("calendarId", london);
        defaults.put("responseSeconds", 3600);
        defaults.put("resolutionSeconds", null);
        TestHub.Response put = hub.request("PUT", "/api/sla/defaults", defaults, Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("calendarId").asLong()).isEqualTo(london);

        // Thursday 17:30 in London: one working half hour today, the other half hour from 09:00 Friday
        JsonNode answer = preview(Map.of("channel", "email", "at", "2026-12-03T17:30:00Z"));
        assertThat(answer.get("rule").isNull()).isTrue();
        assertThat(answer.get("calendar").get("name").asText()).isEqualTo("London office");
        assertThat(answer.get("calendar").get("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(answer.get("responseSeconds").asLong()).isEqualTo(3600);
        assertThat(answer.get("responseDueAt").asText()).isEqualTo("2026-12-04T09:30:00Z");
        assertThat(answer.get("resolutionDueAt").isNull()).isTrue();

        assertThat(hub.request("PUT", "/api/sla/defaults", Map.of("responseSeconds", -1), Map.of()).status()).isEqualTo(422);
        assertThat(hub.request("PUT", "/api/sla/defaults", Map.of("calendarId", 999_996), Map.of()).status()).isEqualTo(422);
    }

    @Test
    void thePreviewReadsTypePriorityContactsCompanyChannelAndTimeInTheRulesZone() {
        Map<String, Object> conditions = new HashMap<>();
        conditions.put("priorityIds", List.of(high));
        conditions.put("companyIds", List.of(acme));
        conditions.put("channels", List.of("telegram"));
        conditions.put("weekdays", List.of("thu"));
        conditions.put("time", Map.of("from", "09:00", "to", "18:00"));
        Map<String, Object> body = rule("Acme on Telegram in Moscow hours", conditions, 3600, 7200);
        body.put("calendarId", moscow);
        long id = create(body);
        long contact = hub.post("/api/contacts", Map.of("name", "Ann Acme", "email", "ann@acme-sla.example")).json().get("id").asLong();
        hub.database.jdbi().useHandle(h -> h.execute("update contact set company_id = ? where id = ?", acme, contact));

        // 10:00 Thursday in Moscow
        Map<String, Object> facts = new HashMap<>(Map.of("priority", "sla-high", "contactId", contact, "channel", "telegram",
                "at", "2026-12-03T07:00:00Z"));
        JsonNode answer = preview(facts);
        assertThat(answer.get("rule").get("id").asLong()).isEqualTo(id);
        assertThat(answer.get("calendar").get("id").asLong()).isEqualTo(moscow);
        assertThat(answer.get("responseDueAt").asText()).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(answer.get("resolutionDueAt").asText()).isEqualTo("2026-12-03T09:00:00Z");

        facts.put("at", "2026-12-03T16:00:00Z"); // 19:00 in Moscow, though 16:00 in London
        assertThat(preview(facts).get("sla").isNull()).isTrue();
        facts.put("at", "2026-12-03T07:00:00Z");
        facts.put("channel", "email");
        assertThat(preview(facts).has("sla")).isTrue();

        assertThat(hub.post("/api/sla/preview", Map.of("type", "nonsense")).status()).isEqualTo(422);
        assertThat(hub.post("/api/sla/preview", Map.of("contactId", 999_997)).status()).isEqualTo(422);
        assertThat(hub.post("/api/sla/preview", Map.of("channel", "fax")).status()).isEqualTo(422);
        assertThat(hub.post("/api/sla/preview", Map.of("at", "tomorrow")).status()).isEqualTo(400);
    }

    @Test
    void deletingARuleLeavesItsTicketsWithoutOne() {
        long id = create(rule("Short lived", Map.of("channels", List.of("api")), 60, null));
        assertThat(hub.inbound("sla-fk-1", "Fay Kay", "fay@fk.example", "Hello").status()).isBetween(200, 202);
        long ticket = hub.database.jdbi().withHandle(h -> h.createQuery("select max(id) from ticket").mapTo(Long.class).one());
        hub.database.jdbi().useHandle(h -> h.execute("update ticket set sla_rule_id = ? where id = ?", id, ticket));
        assertThat(hub.request("DELETE", "/api/sla/rules/" + id, null, Map.of()).status()).isEqualTo(204);
        Long rule = hub.database.jdbi().withHandle(h -> h.createQuery("select sla_rule_id from ticket where id = :id")
                .bind("id", ticket).mapTo(Long.class).one());
        assertThat(rule).isNull();
        assertThat(hub.request("DELETE", "/api/sla/rules/" + id, null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aCalendarInUseCannotBeDeleted() {
        long spare = calendar("Spare office", "Europe/Paris");
        Map<String, Object> body = rule("On the spare", Map.of("channels", List.of("sms")), 60, null);
        body.put("calendarId", spare);
        long id = create(body);
        hub.request("PUT", "/api/sla/defaults", Map.of("calendarId", spare, "responseSeconds", 60), Map.of());
        TestHub.Response refused = hub.request("DELETE", "/api/calendars/" + spare, null, Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText())
                .isEqualTo("'Spare office' is used by the SLA rule 'On the spare', the SLA defaults; choose another calendar there first");
        hub.request("DELETE", "/api/sla/rules/" + id, null, Map.of());
        hub.request("PUT", "/api/sla/defaults", Map.of(), Map.of());
        assertThat(hub.request("DELETE", "/api/calendars/" + spare, null, Map.of()).status()).isEqualTo(204);
    }

    @Test
    void onlyAdministratorsChangeRules_everyAgentPreviews_andChangesAreAudited() {
        long id = create(rule("Audited rule", Map.of("channels", List.of("viber")), 60, null));
        TestHub.Response list = hub.request("GET", "/api/sla/rules", null, specialist);
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json().get("message").asText()).contains("only an administrator");
        assertThat(hub.request("POST", "/api/sla/rules", rule("x", Map.of(), 1, 1), specialist).status()).isEqualTo(403);
        assertThat(hub.request("PATCH", "/api/sla/rules/" + id, Map.of("enabled", false), specialist).status()).isEqualTo(403);
        assertThat(hub.request("POST", "/api/sla/rules/order", Map.of("ids", List.of(id)), specialist).status()).isEqualTo(403);
        assertThat(hub.request("PUT", "/api/sla/defaults", Map.of(), specialist).status()).isEqualTo(403);
        assertThat(hub.request("POST", "/api/sla/preview", Map.of("channel", "viber"), specialist).status()).isEqualTo(200);

        hub.request("PATCH", "/api/sla/rules/" + id, Map.of("name", "Audited rule, renamed"), Map.of());
        JsonNode updated = hub.get("/api/audit?action=sla_rule.updated").json().get("items").get(0);
        assertThat(updated.get("before").get("name").asText()).isEqualTo("Audited rule");
        assertThat(updated.get("after").get("name").asText()).isEqualTo("Audited rule, renamed");
        assertThat(hub.get("/api/audit?action=sla_rule.created").json().get("items").toString()).contains("Audited rule");
        hub.request("PUT", "/api/sla/defaults", Map.of("responseSeconds", 120), Map.of());
        assertThat(hub.get("/api/audit?action=settings.sla_defaults_updated").json().get("items").toString()).contains("120");
    }
}
