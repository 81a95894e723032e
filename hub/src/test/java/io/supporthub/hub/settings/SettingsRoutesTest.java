package io.supporthub.hub.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET/PATCH /api/settings}: stored in PostgreSQL, validated, for admins only. */
class SettingsRoutesTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("TIME_ZONE", "Europe/Paris"), false, Instant.parse("2026-11-02T09:00:00Z"));
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theDefaults_areTheFirstLine_noReportsForSeniors_andTheTimeZoneOfTheEnvironment() {
        JsonNode settings = hub.get("/api/settings").json();
        assertThat(settings.get("defaultGroupId").asLong()).isEqualTo(group("First line"));
        assertThat(settings.get("seniorsSeeReports").asBoolean()).isFalse();
        assertThat(settings.get("timeZone").asText()).isEqualTo("Europe/Paris");
    }

    @Test
    void anAdminChangesTheSettings_andAnotherReadSeesThem() {
        JsonNode changed = hub.patch("/api/settings", Map.of("defaultGroupId", group("Second line"),
                "seniorsSeeReports", true, "timeZone", "Asia/Tokyo")).json();
        assertThat(changed.get("timeZone").asText()).isEqualTo("Asia/Tokyo");
        JsonNode read = hub.get("/api/settings").json();
        assertThat(read.get("defaultGroupId").asLong()).isEqualTo(group("Second line"));
        assertThat(read.get("seniorsSeeReports").asBoolean()).isTrue();
        assertThat(read.get("timeZone").asText()).isEqualTo("Asia/Tokyo");
        hub.patch("/api/settings", Map.of("defaultGroupId", group("First line")));
    }

    @Test
    void anUnknownOrHiddenDefaultGroup_orABadTimeZone_isRefused() {
        TestHub.Response unknown = hub.patch("/api/settings", Map.of("defaultGroupId", 999_999));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("no group 999999");

        long hidden = hub.post("/api/groups", Map.of("name", "Archived", "hidden", true)).json().get("id").asLong();
        TestHub.Response refused = hub.patch("/api/settings", Map.of("defaultGroupId", hidden));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("hidden");

        TestHub.Response zone = hub.patch("/api/settings", Map.of("timeZone", "Mars/Olympus"));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("message").asText()).contains("not a time zone");
        assertThat(hub.patch("/api/settings", Map.of("seniorsSeeReports", "yes")).status()).isEqualTo(400);
        assertThat(hub.get("/api/settings").json().get("defaultGroupId").asLong()).isEqualTo(group("First line"));
    }

    @Test
    void theDefaultGroupCanBeNone() {
        Map<String, Object> none = new HashMap<>();
        none.put("defaultGroupId", null);
        assertThat(hub.patch("/api/settings", none).json().get("defaultGroupId").isNull()).isTrue();
        hub.patch("/api/settings", Map.of("defaultGroupId", group("First line")));
    }

    @Test
    void agentsMayNotReadOrChangeTheSettings() {
        long agent = hub.post("/api/agents", Map.of("email", "settings-agent@test.local", "name", "Sam Agent",
                "password", "blue tractor morning")).json().get("id").asLong();
        String token = hub.post("/api/agents/" + agent + "/token", Map.of()).json().get("token").asText();
        Map<String, String> asAgent = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertThat(hub.request("GET", "/api/settings", null, asAgent).status()).isEqualTo(403);
        assertThat(hub.request("PATCH", "/api/settings", Map.of("seniorsSeeReports", true), asAgent).status())
                .isEqualTo(403);
    }

    private static long group(String name) {
        for (JsonNode group : hub.get("/api/groups").json()) {
            if (group.get("name").asText().equals(name)) {
                return group.get("id").asLong();
            }
        }
        throw new AssertionError("no group " + name);
    }
}
