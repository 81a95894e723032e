package io.supporthub.hub.web;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bad inputs issue 14 names, each answered with a 4xx and a message rather than a 500. */
class NamedBadInputTest {

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
    void a_nul_byte_in_an_external_id_is_400() {
        TestHub.Response response = hub.request("POST", "/api/inbound", Map.of("externalId", "ext\u0000id",
                "text", "hello", "from", Map.of("email", "nul-id@example.com")), Map.of("X-Api-Key", TestHub.API_KEY));
        assertRefused(response, 400);
        assertThat(response.json().path("message").asText()).contains("externalId");
    }

    @Test
    void a_nul_byte_in_a_query_parameter_or_an_agents_text_is_400_and_in_a_subject_a_space() {
        assertRefused(hub.get("/api/tickets?q=x%00y"), 400);
        long ticket = hub.inbound("named-1", "Named", "named@example.com", "Hello").json().path("ticketId").asLong();
        assertRefused(hub.post("/api/tickets/" + ticket + "/notes", Map.of("text", "a note with a \u0000 in it")), 400);
        // A subject is one line of display text: its control characters, a NUL among them, become spaces.
        TestHub.Response subject = hub.patch("/api/tickets/" + ticket, Map.of("subject", "sub\u0000ject"));
        assertThat(subject.status()).as(subject.body()).isEqualTo(200);
        assertThat(hub.get("/api/tickets/" + ticket).json().path("subject").asText()).isEqualTo("sub ject");
    }

    @Test
    void paging_cursors_out_of_range_are_4xx() {
        for (String query : new String[]{"/api/tickets?after=99999999999999999999", "/api/tickets?after=-1",
                "/api/tickets?after=abc", "/api/tickets?limit=-5", "/api/tickets?limit=99999999999",
                "/api/kept-aside?after=99999999999999999999", "/api/kept-aside?limit=100000", "/api/kept-aside?after=x"}) {
            TestHub.Response response = hub.get(query);
            assertThat(response.status()).as(query + ": " + response.body()).isBetween(200, 499);
            if (response.status() >= 400) {
                assertThat(response.json().path("message").asText()).as(query).isNotBlank();
            }
        }
    }

    @Test
    void an_email_with_a_trailing_space_is_never_a_500() {
        TestHub.Response agent = hub.post("/api/agents", Map.of("email", "spaced@example.com ", "name", "Spaced",
                "password", "a long enough password 3"));
        assertThat(agent.status()).as(agent.body()).isBetween(200, 499);
        TestHub.Response login = hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL + " ",
                "password", "wrong password for a spaced email"));
        assertThat(login.status()).as(login.body()).isBetween(400, 499);
        TestHub.Response inbound = hub.inbound("spaced-1", "Spaced", "spaced-customer@example.com ", "Hello");
        assertThat(inbound.status()).as(inbound.body()).isBetween(200, 499);
    }

    private static void assertRefused(TestHub.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("error").asText()).isNotBlank();
        assertThat(response.json().path("message").asText()).isNotBlank();
    }
}
