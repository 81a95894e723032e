package io.supporthub.hub.sla;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET/PUT /api/sla/settings}: the warning's lead time, its default, its bounds. */
class SlaSettingsRoutesTest {

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
    void warnBeforeMinutes_defaultsToThirty_isKept_andBadValuesAreRefused() {
        assertThat(hub.get("/api/sla/settings").json().get("warnBeforeMinutes").asInt()).isEqualTo(30);
        assertThat(hub.request("PUT", "/api/sla/settings", Map.of("warnBeforeMinutes", 45), Map.of()).json()
                .get("warnBeforeMinutes").asInt()).isEqualTo(45);
        assertThat(hub.get("/api/sla/settings").json().get("warnBeforeMinutes").asInt()).isEqualTo(45);
        for (Object bad : new Object[]{-1, 10_081, 2.5, "ten"}) {
            TestHub.Response refused = hub.request("PUT", "/api/sla/settings", Map.of("warnBeforeMinutes", bad), Map.of());
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.body()).contains("'warnBeforeMinutes' must be a whole number of working minutes from 0 to 10080");
        }
        assertThat(hub.get("/api/sla/settings").json().get("warnBeforeMinutes").asInt()).isEqualTo(45);
        long audited = hub.app.transactions().read(handle -> handle.createQuery(
                "select count(*) from audit_log where action = 'settings.sla_updated'").mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
    }
}
