package io.supporthub.hub.agent;

import io.supporthub.hub.web.ApiException;
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
        long recent = handle.createQuery("select count(*) from login_failure where lower(email) = lower(:email) and failed_at > :since")
                .bind("email", email).bind("since", now.minus(WINDOW)).mapTo(Long.class).one();
        if (recent >= MAX_FAILURES) {
            throw new ApiException(429, "too_many_attempts",
                    "too many failed logins for this account; try again in " + WINDOW.toMinutes() + " minutes");
        }
    }

    static void recordFailure(Handle handle, String email, Instant now) {
        handle.createUpdate("delete from login_failure where failed_at <= :expired").bind("expired", now.minus(WINDOW)).execute();
        handle.createUpdate("insert into login_failure (email, failed_at) values (:email, :now)")
                .bind("email", email).bind("now", now).execute();
    }

    static void clear(Handle handle, String email) {
        handle.createUpdate("delete from login_failure where lower(email) = lower(:email)").bind("email", email).execute();
    }
}
