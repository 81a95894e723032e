package io.supporthub.hub.agent;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login limits per (account, client address) and per client address, seen through a trusted proxy on loopback so
 * each test can speak from several addresses ({@code X-Forwarded-For}).
 */
@Tag("serial")
class LoginThrottleTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("TRUSTED_PROXIES", "127.0.0.1/32, ::1"), false, Instant.parse("2026-11-02T09:00:00Z"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static TestHub.Response logIn(String email, String password, String from) {
        return hub.request("POST", "/api/session", Map.of("email", email, "password", password), Map.of("X-Forwarded-For", from));
    }

    @Test
    void fortySimultaneousWrongGuesses_getAtMostTheAllowedRealChecks_andTheAdminStillLogsInFromElsewhere() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<TestHub.Response>> guesses = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String guess = "guess-" + i;
                Callable<TestHub.Response> attempt = () -> logIn(TestHub.ADMIN_EMAIL, guess, "203.0.113.66");
                guesses.add(pool.submit(attempt));
            }
            int checked = 0;
            int refused = 0;
            for (Future<TestHub.Response> guess : guesses) {
                int status = guess.get().status();
                assertThat(status).as(guess.get().body()).isIn(401, 429);
                checked += status == 401 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertThat(checked).as("wrong guesses that reached a password check").isEqualTo(LoginThrottle.ACCOUNT_ATTEMPTS);
            assertThat(refused).isEqualTo(40 - LoginThrottle.ACCOUNT_ATTEMPTS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(logIn(TestHub.ADMIN_EMAIL, TestHub.ADMIN_PASSWORD, "198.51.100.7").status())
                .as("the administrator from their own address").isEqualTo(200);
        assertThat(logIn(TestHub.ADMIN_EMAIL, TestHub.ADMIN_PASSWORD, "203.0.113.66").status())
                .as("even the right password from the guessing address waits").isEqualTo(429);
    }

    @Test
    void aRefusal_saysWhenToTryAgain_andThenTheRightPasswordIsHeard() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_ATTEMPTS; i++) {
            assertThat(logIn("nobody@test.local", "wrong" + i, "192.0.2.10").status()).isEqualTo(401);
        }
        hub.clock.advance(Duration.ofMinutes(5));
        TestHub.Response refused = logIn("nobody@test.local", "wrong", "192.0.2.10");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asText()).isEqualTo("too_many_attempts");
        assertThat(refused.json().get("retryAfterSeconds").asLong()).isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("600");
        assertThat(refused.json().get("message").asText()).contains("try again in 10 minutes");

        hub.clock.advance(Duration.ofMinutes(10));
        assertThat(logIn("nobody@test.local", "wrong again", "192.0.2.10").status())
                .as("a new window once the old one has passed").isEqualTo(401);
    }

    @Test
    void oneAddressTryingManyAccounts_isSlowedDown_otherAddressesAreNot() {
        for (int i = 0; i < LoginThrottle.CLIENT_ATTEMPTS; i++) {
            assertThat(logIn("spray" + i + "@test.local", "Winter2026!", "192.0.2.77").status()).isEqualTo(401);
        }
        TestHub.Response refused = logIn("spray-next@test.local", "Winter2026!", "192.0.2.77");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("retryAfterSeconds").asLong()).isPositive();
        assertThat(logIn("spray-next@test.local", "Winter2026!", "192.0.2.78").status()).isEqualTo(401);
    }

    @Test
    void aSuccessfulLogin_startsThePairAfresh() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_ATTEMPTS - 1; i++) {
            logIn(TestHub.ADMIN_EMAIL, "typo" + i, "192.0.2.30");
        }
        assertThat(logIn(TestHub.ADMIN_EMAIL, TestHub.ADMIN_PASSWORD, "192.0.2.30").status()).isEqualTo(200);
        for (int i = 0; i < LoginThrottle.ACCOUNT_ATTEMPTS; i++) {
            assertThat(logIn(TestHub.ADMIN_EMAIL, "typo" + i, "192.0.2.30").status()).isEqualTo(401);
        }
    }

    @Test
    void withoutATrustedProxy_aForwardedHeaderDoesNotBuyFreshAttempts() {
        try (TestHub direct = new TestHub()) {
            for (int i = 0; i < LoginThrottle.ACCOUNT_ATTEMPTS; i++) {
                direct.request("POST", "/api/session", Map.of("email", "x@test.local", "password", "p" + i),
                        Map.of("X-Forwarded-For", "198.51.100." + i));
            }
            TestHub.Response refused = direct.request("POST", "/api/session", Map.of("email", "x@test.local", "password", "p"),
                    Map.of("X-Forwarded-For", "198.51.100.200"));
            assertThat(refused.status()).isEqualTo(429);
        }
    }
}
