package io.supporthub.hub.agent;

import io.supporthub.hub.error.Refusal;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins for one email within {@link #WINDOW}, further
 * attempts for it are refused until the window has passed. Failures are counted in the database, so every node sees
 * them; a successful login clears them.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private LoginThrottle() {
    }

    static void check(Handle handle, String email, Instant now) {
        long recent = new LoginFailureQueries(handle).countSince(email, now.minus(WINDOW));
        if (recent >= MAX_FAILURES) {
            throw new Refusal(Refusal.Kind.TOO_MANY, "too_many_attempts",
                    "too many failed logins for this account; try again in " + WINDOW.toMinutes() + " minutes");
        }
    }

    static void recordFailure(Handle handle, String email, Instant now) {
        LoginFailureQueries failures = new LoginFailureQueries(handle);
        failures.deleteUpTo(now.minus(WINDOW));
        failures.add(email, now);
    }

    static void clear(Handle handle, String email) {
        new LoginFailureQueries(handle).deleteFor(email);
    }
}
