package io.supporthub.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Statuses, types and priorities on PostgreSQL: colours, positions and names, the base states' own rows included. */
class CatalogLookTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void logIn() {
        hub.logIn();
    }

    private static JsonNode named(String route, String name) {
        for (JsonNode row : hub.get(route).json()) {
            if (row.get("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row named " + name + " in " + route);
    }

    private static List<String> names(String route) {
        List<String> names = new ArrayList<>();
        hub.get(route).json().forEach(row -> names.add(row.get("name").asText()));
        return names;
    }

    private static JsonNode systemRow(String base) {
        for (JsonNode row : hub.get("/api/statuses").json()) {
            if (row.get("system").asBoolean() && row.get("baseState").asText().equals(base)) {
                return row;
            }
        }
        throw new AssertionError("no system status for " + base);
    }

    private static long tickets() {
        return hub.app.transactions().read(handle -> handle.createQuery("select count(*) from ticket").mapTo(Long.class).one());
    }

    private long ticket(String id) {
        return hub.inbound(id, "Cat Customer", id + "@example.com", "A question " + id).json().get("ticketId").asLong();
    }

    @Test
    void theBaseStatesAreListedFirst_inTheirOrder_withColours_andCustomStatusesAfter() {
        hub.post("/api/statuses", Map.of("name", "Waiting for supplier", "base", "pending", "color", "#AA3300"));
        JsonNode statuses = hub.get("/api/statuses").json();
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assertThat(statuses.get(i).get("system").asBoolean()).isTrue();
            assertThat(statuses.get(i).get("color").asText()).matches("#[0-9a-f]{6}");
            bases.add(statuses.get(i).get("baseState").asText());
        }
        assertThat(bases).containsExactly("open", "pending", "awaiting_reply", "postponed", "resolved", "closed");
        JsonNode custom = named("/api/statuses", "Waiting for supplier");
        assertThat(custom.get("system").asBoolean()).isFalse();
        assertThat(custom.get("color").asText()).as("stored in lower case").isEqualTo("#aa3300");
        assertThat(custom.get("position").asInt()).isGreaterThan(6);
        assertThat(named("/api/priorities", "urgent").get("color").asText()).isEqualTo("#dc2626");
        assertThat(named("/api/types", "incident").get("color").asText()).isEqualTo("#dc2626");
    }

    @Test
    void aBaseStateRenamed_keepsItsMeaning_andTicketsShowItsNewName() {
        long pendingId = systemRow("pending").get("id").asLong();
        TestHub.Response renamed = hub.patch("/api/statuses/" + pendingId, Map.of("name", "On hold", "color", "#112233"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("baseState").asText()).isEqualTo("pending");
        assertThat(renamed.json().get("color").asText()).isEqualTo("#112233");

        long id = ticket("renamed-base");
        JsonNode byName = hub.post("/api/tickets/" + id + "/status", Map.of("status", "On hold")).json();
        assertThat(byName.get("status").asText()).isEqualTo("pending");
        assertThat(byName.get("statusLabel").asText()).isEqualTo("On hold");
        long customStatusId = hub.app.transactions().read(handle -> handle.createQuery(
                "select coalesce(custom_status_id, 0) from ticket where id = :id").bind("id", id).mapTo(Long.class).one());
        assertThat(customStatusId).as("a base state's own row is the base state, not a variant").isZero();
        assertThat(hub.get("/api/tickets?status=pending").body()).contains("\"statusLabel\":\"On hold\"");

        TestHub.Response deleted = hub.request("DELETE", "/api/statuses/" + pendingId, null, Map.of());
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.json().get("message").asText()).contains("cannot be deleted");
        TestHub.Response rebased = hub.patch("/api/statuses/" + pendingId, Map.of("base", "resolved"));
        assertThat(rebased.status()).isEqualTo(400);
        assertThat(systemRow("pending").get("name").asText()).isEqualTo("On hold");
        hub.patch("/api/statuses/" + pendingId, Map.of("name", "Pending"));
    }

    @Test
    void positions_orderTheLists_andThePickersOfTheTicketPage() {
        long urgent = named("/api/priorities", "urgent").get("id").asLong();
        long low = named("/api/priorities", "low").get("id").asLong();
        assertThat(hub.patch("/api/priorities/" + urgent, Map.of("position", 1)).status()).isEqualTo(200);
        assertThat(hub.patch("/api/priorities/" + low, Map.of("position", 9)).status()).isEqualTo(200);
        assertThat(names("/api/priorities")).containsExactly("urgent", "normal", "high", "low");
        assertThat(hub.get("/api/priorities").json().findValuesAsText("position")).as("renumbered")
                .containsExactly("1", "2", "3", "4");
        assertThat(hub.patch("/api/priorities/" + low, Map.of("position", 2)).json().get("position").asInt()).isEqualTo(2);
        assertThat(names("/api/priorities")).containsExactly("urgent", "low", "normal", "high");

        long request = named("/api/types", "request").get("id").asLong();
        hub.patch("/api/types/" + request, Map.of("position", 1, "name", "Service request", "color", "#00aa00"));
        assertThat(names("/api/types")).containsExactly("Service request", "question", "incident", "internal");
        JsonNode type = named("/api/types", "Service request");
        assertThat(type.get("color").asText()).isEqualTo("#00aa00");
        assertThat(type.get("internal").asBoolean()).as("left as it was").isFalse();

        long closed = systemRow("closed").get("id").asLong();
        hub.patch("/api/statuses/" + closed, Map.of("position", 1));
        assertThat(hub.get("/api/statuses").json().get(0).get("baseState").asText()).isEqualTo("closed");
        String page = hub.get("/tickets/" + ticket("picker-order")).body();
        assertThat(page.indexOf(">urgent</option>")).isLessThan(page.indexOf(">low</option>"));
        assertThat(page.indexOf("value=\"closed\"")).isLessThan(page.indexOf("value=\"open\""));
        hub.patch("/api/statuses/" + closed, Map.of("position", 6));
        hub.patch("/api/types/" + request, Map.of("name", "request"));
    }

    @Test
    void badValues_answer400_andTakenNames409_withAClearMessage() {
        JsonNode normalBefore = named("/api/priorities", "normal");
        long normal = normalBefore.get("id").asLong();
        Map<Object, String> refused = new HashMap<>();
        for (Object color : List.of("red", "#12345", "#1234567", "#gggggg", 12)) {
            TestHub.Response response = hub.patch("/api/priorities/" + normal, Map.of("color", color));
            assertThat(response.status()).as("colour %s", color).isEqualTo(400);
            refused.put(color, response.json().get("message").asText());
        }
        assertThat(refused.get("red")).contains("#rrggbb");
        assertThat(hub.patch("/api/priorities/" + normal, Map.of("name", "  ")).status()).isEqualTo(400);
        assertThat(hub.patch("/api/priorities/" + normal, Map.of("name", "x".repeat(61))).status()).isEqualTo(400);
        TestHub.Response taken = hub.patch("/api/priorities/" + normal, Map.of("name", "HIGH"));
        assertThat(taken.status()).as("names are unique without case").isEqualTo(409);
        assertThat(taken.json().get("message").asText()).contains("exists already");
        assertThat(hub.post("/api/priorities", Map.of("name", "Urgent")).status()).isEqualTo(409);
        for (Object position : List.of(0, -3, 10_001, 1.5, "2")) {
            assertThat(hub.patch("/api/priorities/" + normal, Map.of("position", position)).status())
                    .as("position %s", position).isEqualTo(400);
        }
        assertThat(hub.patch("/api/priorities/987654", Map.of("color", "#000000")).status()).isEqualTo(404);
        long custom = hub.post("/api/statuses", Map.of("name", "Parts ordered", "base", "pending")).json().get("id").asLong();
        assertThat(hub.patch("/api/statuses/" + custom, Map.of("name", "resolved")).status())
                .as("named after another base state").isEqualTo(409);
        assertThat(hub.patch("/api/statuses/" + systemRow("open").get("id").asLong(), Map.of("name", "open")).status())
                .as("a base state's row may take its own wire name").isEqualTo(200);
        JsonNode normalNow = named("/api/priorities", "normal");
        assertThat(normalNow).as("nothing refused was written").isEqualTo(normalBefore);
        hub.patch("/api/statuses/" + systemRow("open").get("id").asLong(), Map.of("name", "Open"));
    }

    @Test
    void slaAndLoadFlags_areStoredWhenGiven_andLeftUnsetOtherwise() {
        long custom = hub.post("/api/statuses", Map.of("name", "Escalated to vendor", "base", "pending")).json().get("id").asLong();
        assertThat(named("/api/statuses", "Escalated to vendor").get("pausesSla").isNull()).isTrue();
        JsonNode changed = hub.patch("/api/statuses/" + custom, Map.of("pausesSla", true, "countsForLoad", false)).json();
        assertThat(changed.get("pausesSla").asBoolean()).isTrue();
        assertThat(changed.get("countsForLoad").asBoolean()).isFalse();
        assertThat(hub.patch("/api/statuses/" + custom, Map.of("pausesSla", "yes")).status()).isEqualTo(400);
    }

    @Test
    void agentsReadTheCatalogs_butOnlyAdminsChangeThem() {
        long agentId = hub.post("/api/agents", Map.of("email", "looker@test.local", "name", "Lou Looker",
                "password", "blue tractor morning")).json().get("id").asLong();
        String token = hub.post("/api/agents/" + agentId + "/token", Map.of()).json().get("token").asText();
        Map<String, String> asAgent = Map.of("Authorization", "Bearer " + token);
        assertThat(hub.request("GET", "/api/statuses", null, asAgent).status()).isEqualTo(200);
        long open = systemRow("open").get("id").asLong();
        assertThat(hub.request("PATCH", "/api/statuses/" + open, Map.of("name", "Mine now"), asAgent).status()).isEqualTo(403);
        assertThat(systemRow("open").get("name").asText()).isEqualTo("Open");
    }

    @Test
    void aNewTicket_startsInTheStatusItsCreatorChose_withinWhatTheTableAllowsFromOpen() {
        hub.post("/api/statuses", Map.of("name", "Solved on the phone", "base", "resolved"));
        Map<String, Object> contact = Map.of("email", "starter@example.com");
        JsonNode pending = hub.post("/api/tickets", Map.of("subject", "Call back", "contact", contact, "status", "pending")).json();
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        JsonNode solved = hub.post("/api/tickets", Map.of("subject", "Answered by phone", "contact", contact,
                "status", "Solved on the phone")).json();
        assertThat(solved.get("status").asText()).isEqualTo("resolved");
        assertThat(solved.get("statusLabel").asText()).isEqualTo("Solved on the phone");
        assertThat(solved.get("resolvedAt").isNull()).isFalse();
        JsonNode open = hub.post("/api/tickets", Map.of("subject", "Plain", "contact", contact, "status", "open")).json();
        assertThat(open.get("status").asText()).isEqualTo("open");
        JsonNode postponed = hub.post("/api/tickets", Map.of("subject", "Later", "contact", contact, "status", "postponed",
                "until", hub.clock.instant().plusSeconds(86_400).toString())).json();
        assertThat(postponed.get("status").asText()).isEqualTo("postponed");

        long before = tickets();
        TestHub.Response closed = hub.post("/api/tickets", Map.of("subject", "Closed at once", "contact", contact, "status", "closed"));
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.json().get("message").asText()).contains("cannot start as 'closed'");
        assertThat(hub.post("/api/tickets", Map.of("subject", "No time", "contact", contact, "status", "postponed")).status())
                .isEqualTo(400);
        TestHub.Response unknown = hub.post("/api/tickets", Map.of("subject", "Odd", "contact", contact, "status", "sleeping"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("unknown status 'sleeping'");
        long after = tickets();
        assertThat(after).as("a refused ticket is not created").isEqualTo(before);
    }
}
