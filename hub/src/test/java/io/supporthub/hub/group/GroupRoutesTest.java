package io.supporthub.hub.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/groups} on PostgreSQL: the two lines as groups, creating, changing, hiding and deleting groups. */
class GroupRoutesTest {

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

    @Test
    void aNewDatabase_hasTheTwoLinesAsGroups_theSecondTheEscalationTarget() {
        JsonNode groups = hub.get("/api/groups").json();
        assertThat(names(groups)).startsWith("First line", "Second line");
        assertThat(groups.get(0).get("escalationTarget").asBoolean()).isFalse();
        assertThat(groups.get(1).get("escalationTarget").asBoolean()).isTrue();
        assertThat(groups.get(0).get("hidden").asBoolean()).isFalse();
        long admin = hub.app.transactions().read(handle -> handle.createQuery("select id from agent where email = :email")
                .bind("email", TestHub.ADMIN_EMAIL).mapTo(Long.class).one());
        assertThat(groups.get(0).get("members").toString()).contains(String.valueOf(admin));
    }

    @Test
    void adminCreatesAGroup_setsMembersAndNotify_andRenamesIt() {
        long agent = newAgent("member-1@test.local");
        TestHub.Response created = hub.post("/api/groups", Map.of("name", "Engineers", "members", List.of(agent)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("members").get(0).asLong()).isEqualTo(agent);

        JsonNode changed = hub.patch("/api/groups/" + id, Map.of("name", "Engineering", "notify", List.of(agent))).json();
        assertThat(changed.get("name").asText()).isEqualTo("Engineering");
        assertThat(changed.get("notify").get(0).asLong()).isEqualTo(agent);
        assertThat(changed.get("members").get(0).asLong()).as("members left out stay").isEqualTo(agent);
        assertThat(hub.get("/api/groups/" + id).json().get("name").asText()).isEqualTo("Engineering");
    }

    @Test
    void aNameTakenInAnyCase_isAConflict_andUnknownEmployeesAreRefused() {
        TestHub.Response taken = hub.post("/api/groups", Map.of("name", "first LINE"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("message").asText()).contains("exists already");
        TestHub.Response unknown = hub.post("/api/groups", Map.of("name", "Ghosts", "members", List.of(999_999)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("no employee [999999]");
        assertThat(hub.post("/api/groups", Map.of("name", " ")).status()).isEqualTo(400);
    }

    @Test
    void onlyOneGroupIsTheEscalationTarget() {
        long id = hub.post("/api/groups", Map.of("name", "Third line")).json().get("id").asLong();
        hub.patch("/api/groups/" + id, Map.of("escalationTarget", true));
        List<String> targets = new ArrayList<>();
        hub.get("/api/groups").json().forEach(g -> {
            if (g.get("escalationTarget").asBoolean()) {
                targets.add(g.get("name").asText());
            }
        });
        assertThat(targets).containsExactly("Third line");
        hub.patch("/api/groups/" + secondLine(), Map.of("escalationTarget", true));
        assertThat(hub.get("/api/groups/" + id).json().get("escalationTarget").asBoolean()).isFalse();
    }

    @Test
    void aGroupWithTickets_isNotDeleted_butCanBeHidden() {
        long id = hub.post("/api/groups", Map.of("name", "Leaving")).json().get("id").asLong();
        long ticket = hub.post("/api/tickets", Map.of("subject", "In the leaving group",
                "contact", Map.of("name", "Gus Group", "email", "gus-group@example.com"))).json().get("id").asLong();
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createUpdate(
                "update ticket set group_id = :group where id = :id").bind("group", id).bind("id", ticket).execute());

        TestHub.Response refused = hub.request("DELETE", "/api/groups/" + id, null, Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("1 ticket(s)");

        JsonNode hidden = hub.patch("/api/groups/" + id, Map.of("hidden", true)).json();
        assertThat(hidden.get("hidden").asBoolean()).isTrue();

        long empty = hub.post("/api/groups", Map.of("name", "Empty")).json().get("id").asLong();
        assertThat(hub.request("DELETE", "/api/groups/" + empty, null, Map.of()).status()).isEqualTo(204);
        assertThat(hub.get("/api/groups/" + empty).status()).isEqualTo(404);
    }

    @Test
    void agentsReadTheGroups_butOnlyAdminsChangeThem() {
        long agent = newAgent("reader@test.local");
        String token = hub.post("/api/agents/" + agent + "/token", Map.of()).json().get("token").asText();
        Map<String, String> asAgent = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertThat(hub.request("GET", "/api/groups", null, asAgent).status()).isEqualTo(200);
        assertThat(hub.request("POST", "/api/groups", Map.of("name", "Mine"), asAgent).status()).isEqualTo(403);
        assertThat(hub.request("PATCH", "/api/groups/" + secondLine(), Map.of("hidden", true), asAgent).status())
                .isEqualTo(403);
    }

    private static long secondLine() {
        for (JsonNode group : hub.get("/api/groups").json()) {
            if (group.get("name").asText().equals("Second line")) {
                return group.get("id").asLong();
            }
        }
        throw new AssertionError("no Second line");
    }

    private static long newAgent(String email) {
        return hub.post("/api/agents", Map.of("email", email, "name", "Agent " + email, "password",
                "blue tractor morning")).json().get("id").asLong();
    }

    private static List<String> names(JsonNode groups) {
        List<String> names = new ArrayList<>();
        groups.forEach(group -> names.add(group.get("name").asText()));
        return names;
    }
}
