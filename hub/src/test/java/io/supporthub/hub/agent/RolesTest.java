package io.supporthub.hub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the body of a change to employees may ask, by role; and the role names the API takes and shows. */
class RolesTest {

    TestHub hub;
    RoleCallers callers;

    @BeforeEach
    void start() {
        hub = new TestHub();
        callers = new RoleCallers(hub);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private String target() {
        return "/api/agents/" + callers.targetId;
    }

    private static void assertRefused(TestHub.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("message").asText()).isEqualTo(reason);
    }

    private String roleOf(long id) {
        for (JsonNode agent : hub.get("/api/agents").json()) {
            if (agent.get("id").asLong() == id) {
                return agent.get("role").asText();
            }
        }
        throw new AssertionError("no agent " + id);
    }

    @Test
    void a_senior_cannot_promote_anyone_nor_add_a_senior_or_an_administrator() {
        assertRefused(callers.call(Role.SENIOR, "PATCH", target(), Map.of("role", "admin")), "only an administrator may change roles");
        assertRefused(callers.call(Role.SENIOR, "PATCH", target(), Map.of("role", "senior")), "only an administrator may change roles");
        assertRefused(callers.call(Role.SENIOR, "PATCH", "/api/agents/" + callers.ids.get(Role.SENIOR), Map.of("role", "admin")),
                "only an administrator may change roles");
        assertRefused(callers.call(Role.SENIOR, "POST", "/api/agents", Map.of("email", "new@test.local", "name", "New",
                "password", "a long enough password", "role", "admin")), "only an administrator may give the role admin; a senior specialist adds specialists");
        assertThat(roleOf(callers.targetId)).isEqualTo("specialist");
        assertThat(roleOf(callers.ids.get(Role.SENIOR))).isEqualTo("senior");
    }

    @Test
    void a_senior_cannot_set_or_reset_another_employees_password_but_changes_their_own() {
        assertRefused(callers.call(Role.SENIOR, "PATCH", target(), Map.of("password", "a brand new password")),
                "only an administrator may set another employee's password");
        assertRefused(callers.call(Role.SENIOR, "POST", target() + "/password-reset", Map.of()),
                "only an administrator may reset passwords");
        assertThat(callers.call(Role.SENIOR, "PATCH", "/api/agents/" + callers.ids.get(Role.SENIOR),
                Map.of("password", "my own new password")).status()).isEqualTo(200);
        assertThat(hub.post("/api/session", Map.of("email", "target@test.local", "password", "a long enough password specialist"))
                .status()).as("the target's password is unchanged").isEqualTo(200);
    }

    @Test
    void a_senior_manages_specialists_but_not_an_administrators_access() {
        assertThat(callers.call(Role.SENIOR, "PATCH", target(), Map.of("name", "Tess Renamed", "line", 2, "active", false))
                .status()).isEqualTo(200);
        assertRefused(callers.call(Role.SENIOR, "PATCH", "/api/agents/" + callers.ids.get(Role.ADMIN), Map.of("active", false)),
                "only an administrator may disable or enable an administrator");
        TestHub.Response added = callers.call(Role.SENIOR, "POST", "/api/agents", Map.of("email", "junior@test.local",
                "name", "Junior", "password", "a long enough password", "role", "agent"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("role").asText()).isEqualTo("specialist");
    }

    @Test
    void a_specialist_changes_only_their_own_name_and_password() {
        String self = "/api/agents/" + callers.ids.get(Role.SPECIALIST);
        assertThat(callers.call(Role.SPECIALIST, "PATCH", self, Map.of("name", "Sam Renamed")).status()).isEqualTo(200);
        assertRefused(callers.call(Role.SPECIALIST, "PATCH", self, Map.of("line", 2)),
                "a specialist may change only their own name and password");
        assertRefused(callers.call(Role.SPECIALIST, "PATCH", self, Map.of("role", "senior")), "only an administrator may change roles");
        assertRefused(callers.call(Role.SPECIALIST, "PATCH", target(), Map.of("name", "Not Mine")),
                "a specialist may change only their own profile");
    }

    @Test
    void agent_is_taken_as_specialist_and_never_shown() {
        TestHub.Response created = hub.post("/api/agents", Map.of("email", "old@test.local", "name", "Old Style",
                "password", "a long enough password", "role", "agent"));
        assertThat(created.json().get("role").asText()).isEqualTo("specialist");
        long id = created.json().get("id").asLong();
        assertThat(hub.patch("/api/agents/" + id, Map.of("role", "Senior")).json().get("role").asText()).isEqualTo("senior");
        assertThat(hub.patch("/api/agents/" + id, Map.of("role", "AGENT")).json().get("role").asText()).isEqualTo("specialist");
        assertThat(hub.get("/api/agents").body()).doesNotContain("\"role\":\"agent\"");
        TestHub.Response wrong = hub.patch("/api/agents/" + id, Map.of("role", "boss"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("message").asText()).contains("admin, senior or specialist");
    }

    @Test
    void an_administrator_gives_any_role() {
        assertThat(hub.patch(target(), Map.of("role", "senior")).json().get("role").asText()).isEqualTo("senior");
        assertThat(hub.patch(target(), Map.of("role", "admin")).json().get("role").asText()).isEqualTo("admin");
        assertThat(callers.call(Role.SENIOR, "GET", "/api/audit", null).status()).as("audit stays an admin's").isEqualTo(403);
    }

    @Test
    void seniors_see_colleagues_in_full_specialists_without_emails() {
        assertThat(callers.call(Role.SENIOR, "GET", "/api/agents", null).body()).contains("target@test.local");
        assertThat(callers.call(Role.SPECIALIST, "GET", "/api/agents", null).body()).doesNotContain("target@test.local")
                .contains("Tess Target");
    }
}
