package io.supporthub.hub.web;

import io.supporthub.hub.support.PublicRoutesHub;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON is never sniffed nor cached, errors included; with an https PUBLIC_URL every answer carries HSTS. */
class SecurityHeadersTest {

    @Test
    void json_answers_carry_nosniff_and_no_store_and_https_pages_carry_hsts() {
        try (PublicRoutesHub hubs = new PublicRoutesHub()) {
            TestHub hub = hubs.hub;
            hub.logIn();
            for (TestHub.Response json : new TestHub.Response[]{hub.get("/api/tickets"), hub.get("/api/tickets/abc"),
                    hub.get("/health"), hub.post("/api/tickets", "{"),
                    hub.request("POST", "/webhooks/viber", "{}", Map.of())}) {
                assertThat(json.headers().firstValue("Content-Type")).as(json.body()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                assertThat(json.headers().firstValue("X-Content-Type-Options")).as(json.body()).hasValue("nosniff");
                assertThat(json.headers().firstValue("Cache-Control")).as(json.body()).hasValue("no-store");
                assertThat(json.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityHeaders.HSTS);
            }
            TestHub.Response page = hub.get("/login");
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityHeaders.HSTS);
        }
    }

    @Test
    void without_https_there_is_no_hsts() {
        try (TestHub hub = new TestHub()) {
            TestHub.Response login = hub.get("/login");
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(hub.get("/health").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }
}
