package io.supporthub.hub.agent;

import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastAdministratorTest {

    TestHub hub;

    @BeforeEach
    void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private long adminId() {
        return hub.get("/api/session").json().get("id").asLong();
    }

    @Test
    void theOnlyAdministrator_cannotBeDemoted() {
        TestHub.Response refused = hub.patch("/api/agents/" + adminId(), Map.of("role", "agent"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("last_administrator");
        assertThat(refused.json().get("message").asText()).contains("last active administrator");
        assertThat(hub.get("/api/session").json().get("role").asText()).isEqualTo("admin");
    }

    @Test
    void aDisabledAdministrator_doesNotCount_andNeitherDemotionNorDisablingLeavesNone() {
        long other = hub.post("/api/agents", Map.of("email", "second@test.local", "name", "Second Admin",
                "password", "a long enough one", "role", "admin")).json().get("id").asLong();
        assertThat(hub.patch("/api/agents/" + other, Map.of("active", false)).status()).isEqualTo(200);
        assertThat(hub.patch("/api/agents/" + adminId(), Map.of("role", "agent")).status())
                .as("the other administrator is disabled").isEqualTo(409);

        assertThat(hub.patch("/api/agents/" + other, Map.of("active", true)).status()).isEqualTo(200);
        assertThat(hub.patch("/api/agents/" + adminId(), Map.of("role", "agent")).status()).isEqualTo(200);
        assertThatThrownBy(() -> hub.app.agents().update(other, null, null, null, false, null))
                .as("disabling the one administrator left")
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("last_administrator"));
    }
}
