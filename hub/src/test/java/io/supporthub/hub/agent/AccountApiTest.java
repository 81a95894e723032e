package io.supporthub.hub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent's password, API tokens and sessions through the API, each agent speaking with its own cookies. */
class AccountApiTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("SESSION_IDLE_MINUTES", "30"), false, Instant.parse("2026-11-02T09:00:00Z"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static String logIn(String email, String password) {
        TestHub.Response response = hub.post("/api/session", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    /** A fresh admin session: tests move the clock past the idle time. */
    private static String admin() {
        return logIn(TestHub.ADMIN_EMAIL, TestHub.ADMIN_PASSWORD);
    }

    private static TestHub.Response as(String cookie, String method, String path, Object body) {
        return hub.request(method, path, body, Map.of("Cookie", cookie));
    }

    private static TestHub.Response withToken(String token, String method, String path) {
        return hub.request(method, path, null, Map.of("Authorization", "Bearer " + token));
    }

    private static long newAgent(String email, String password) {
        TestHub.Response created = as(admin(), "POST", "/api/agents", Map.of("email", email, "name", "Agent " + email.substring(0, email.indexOf('@')),
                "password", password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void changingThePassword_keepsThisSession_endsTheOthers_andRevokesTokens() {
        newAgent("chang@test.local", "first secret phrase");
        String here = logIn("chang@test.local", "first secret phrase");
        String elsewhere = logIn("chang@test.local", "first secret phrase");
        String token = as(here, "POST", "/api/me/tokens", Map.of("name", "laptop script")).json().get("token").asText();
        assertThat(withToken(token, "GET", "/api/session").status()).isEqualTo(200);

        assertThat(as(here, "PUT", "/api/me/password", Map.of("current", "wrong one!", "new", "second secret phrase")).status())
                .isEqualTo(403);
        assertThat(as(here, "PUT", "/api/me/password", Map.of("current", "first secret phrase", "new", "password")).json()
                .get("message").asText()).contains("most common");
        TestHub.Response changed = as(here, "PUT", "/api/me/password",
                Map.of("current", "first secret phrase", "new", "second secret phrase"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        assertThat(as(here, "GET", "/api/session", null).status()).isEqualTo(200);
        assertThat(as(elsewhere, "GET", "/api/session", null).status()).isEqualTo(401);
        assertThat(withToken(token, "GET", "/api/session").status()).isEqualTo(401);
        assertThat(hub.post("/api/session", Map.of("email", "chang@test.local", "password", "first secret phrase")).status())
                .isEqualTo(401);
        logIn("chang@test.local", "second secret phrase");
    }

    @Test
    void guessingTheCurrentPassword_isLimitedLikeALogin() {
        newAgent("guessed@test.local", "the real phrase");
        String stolen = logIn("guessed@test.local", "the real phrase");
        for (int i = 0; i < LoginThrottle.ACCOUNT_ATTEMPTS; i++) {
            assertThat(as(stolen, "PUT", "/api/me/password", Map.of("current", "guess " + i, "new", "taken over now")).status())
                    .isEqualTo(403);
        }
        TestHub.Response refused = as(stolen, "PUT", "/api/me/password", Map.of("current", "the real phrase", "new", "taken over now"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asText()).isEqualTo("too_many_attempts");
    }

    @Test
    void passwordRules_areTold_andALongPasswordIsNo500() {
        String[][] refused = {
                {"short1", "at least 8"},
                {"x".repeat(1025), "at most 1024 bytes"},
                {"é".repeat(600), "at most 1024 bytes"},
                {"rules@test.local", "email"},
                {"RULES@test.local", "email"},
                {"iloveyou", "most common"},
                {"Sunshine1", "most common"},
        };
        for (String[] rule : refused) {
            TestHub.Response response = as(admin(), "POST", "/api/agents",
                    Map.of("email", "rules@test.local", "name", "Rules", "password", rule[0]));
            assertThat(response.status()).as(rule[0]).isEqualTo(400);
            assertThat(response.json().get("message").asText()).as(rule[0]).contains(rule[1]);
        }
        String longest = "ü".repeat(512);
        newAgent("long@test.local", longest);
        logIn("long@test.local", longest);
        String sameFirst72Bytes = "ü".repeat(36) + "x".repeat(100);
        assertThat(hub.post("/api/session", Map.of("email", "long@test.local", "password", sameFirst72Bytes)).status())
                .as("every byte counts, not only bcrypt's first 72").isEqualTo(401);
        assertThat(hub.post("/api/session", Map.of("email", "long@test.local", "password", "y".repeat(5000))).status())
                .isEqualTo(401);
    }

    @Test
    void aHashFromBeforeSchemes_isRehashedAtTheNextLogin() {
        long id = newAgent("legacy@test.local", "an old bcrypt phrase");
        String legacy = at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(10, "an old bcrypt phrase".toCharArray());
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createUpdate(
                "update agent set password_hash = :hash where id = :id").bind("hash", legacy).bind("id", id).execute());
        logIn("legacy@test.local", "an old bcrypt phrase");
        String stored = hub.app.transactions().read(handle -> new AgentQueries(handle).passwordHash(id)).orElseThrow();
        assertThat(stored).startsWith(Passwords.SCHEME);
        logIn("legacy@test.local", "an old bcrypt phrase");
    }

    @Test
    void anAdminsReset_makesTheAgentChooseANewPasswordFirst() {
        long id = newAgent("reset@test.local", "before the reset");
        String old = logIn("reset@test.local", "before the reset");
        TestHub.Response reset = as(admin(), "POST", "/api/agents/" + id + "/password-reset", Map.of());
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        String temporary = reset.json().get("temporaryPassword").asText();
        assertThat(as(old, "GET", "/api/session", null).status()).as("sessions ended").isEqualTo(401);

        String session = logIn("reset@test.local", temporary);
        TestHub.Response blocked = as(session, "GET", "/api/tickets", null);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("error").asText()).isEqualTo("password_change_required");
        assertThat(as(session, "PUT", "/api/me/password", Map.of("current", temporary, "new", "after the reset")).status())
                .isEqualTo(204);
        assertThat(as(session, "GET", "/api/tickets", null).status()).isEqualTo(200);

        String agent = logIn("reset@test.local", "after the reset");
        assertThat(as(agent, "POST", "/api/agents/" + id + "/password-reset", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void tokens_haveNames_andExpiries_areShownOnce_andCanBeRevoked() {
        newAgent("tok@test.local", "token owner phrase");
        String me = logIn("tok@test.local", "token owner phrase");
        TestHub.Response made = as(me, "POST", "/api/me/tokens",
                Map.of("name", "nightly export", "expiresAt", hub.clock.instant().plus(Duration.ofDays(2)).toString()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String token = made.json().get("token").asText();
        assertThat(as(me, "POST", "/api/me/tokens", Map.of("name", "nightly export")).status()).isEqualTo(409);
        assertThat(as(me, "POST", "/api/me/tokens", Map.of("name", "old", "expiresAt", "2020-01-01T00:00:00Z")).status())
                .isEqualTo(400);
        String forever = as(me, "POST", "/api/me/tokens", Map.of("name", "forever")).json().get("token").asText();

        JsonNode listed = as(me, "GET", "/api/me/tokens", null).json();
        assertThat(listed).hasSize(2);
        assertThat(listed.toString()).contains("nightly export").doesNotContain(token).doesNotContain("token_hash");
        assertThat(withToken(token, "GET", "/api/session").json().get("email").asText()).isEqualTo("tok@test.local");

        hub.clock.advance(Duration.ofDays(3));
        assertThat(withToken(token, "GET", "/api/session").status()).as("expired").isEqualTo(401);
        assertThat(withToken(forever, "GET", "/api/session").status()).isEqualTo(200);
        long foreverId = listed.get(1).get("id").asLong();
        me = logIn("tok@test.local", "token owner phrase");
        assertThat(as(admin(), "DELETE", "/api/me/tokens/" + foreverId, null).status()).as("not the admin's").isEqualTo(404);
        assertThat(as(me, "DELETE", "/api/me/tokens/" + foreverId, null).status()).isEqualTo(204);
        assertThat(withToken(forever, "GET", "/api/session").status()).isEqualTo(401);
    }

    @Test
    void theAdminsTokenRoute_isTheTokenNamedDefault() {
        long id = newAgent("dflt@test.local", "default token phrase");
        String first = as(admin(), "POST", "/api/agents/" + id + "/token", Map.of()).json().get("token").asText();
        String second = as(admin(), "POST", "/api/agents/" + id + "/token", Map.of()).json().get("token").asText();
        assertThat(withToken(first, "GET", "/api/session").status()).isEqualTo(401);
        assertThat(withToken(second, "GET", "/api/session").status()).isEqualTo(200);
        String me = logIn("dflt@test.local", "default token phrase");
        assertThat(as(me, "GET", "/api/me/tokens", null).json().get(0).get("name").asText()).isEqualTo("default");
    }

    @Test
    void sessions_areListed_endedByTheirOwner_andEndWhenIdle() {
        newAgent("sess@test.local", "session owner phrase");
        String here = logIn("sess@test.local", "session owner phrase");
        String there = logIn("sess@test.local", "session owner phrase");
        JsonNode sessions = as(here, "GET", "/api/me/sessions", null).json();
        assertThat(sessions).hasSize(2);
        JsonNode other = sessions.get(0).get("current").asBoolean() ? sessions.get(1) : sessions.get(0);
        assertThat(other.get("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(as(admin(), "DELETE", "/api/me/sessions/" + other.get("id").asLong(), null).status()).isEqualTo(404);
        assertThat(as(here, "DELETE", "/api/me/sessions/" + other.get("id").asLong(), null).status()).isEqualTo(204);
        assertThat(as(there, "GET", "/api/session", null).status()).isEqualTo(401);

        hub.clock.advance(Duration.ofMinutes(20));
        assertThat(as(here, "GET", "/api/session", null).status()).as("used within the idle time").isEqualTo(200);
        hub.clock.advance(Duration.ofMinutes(25));
        assertThat(as(here, "GET", "/api/session", null).status()).as("the idle time counts from the last use").isEqualTo(200);
        hub.clock.advance(Duration.ofMinutes(31));
        assertThat(as(here, "GET", "/api/session", null).status()).as("unused for longer than SESSION_IDLE_MINUTES").isEqualTo(401);
    }

    @Test
    void colleagues_seeNoEmailsOrRoles_adminsSeeAll() {
        newAgent("peer@test.local", "colleague phrase");
        String peer = logIn("peer@test.local", "colleague phrase");
        JsonNode seen = as(peer, "GET", "/api/agents", null).json();
        assertThat(seen.get(0).properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("id", "name", "line", "active");
        assertThat(seen.toString()).doesNotContain("@test.local");
        assertThat(as(admin(), "GET", "/api/agents", null).json().toString()).contains("peer@test.local").contains("\"role\"");
    }
}
