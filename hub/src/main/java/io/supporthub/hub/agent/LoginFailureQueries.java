package io.supporthub.hub.agent;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** SQL on failed logins, kept per email as typed (compared without case), within the caller's transaction. */
final class LoginFailureQueries {

    private final Handle handle;

    LoginFailureQueries(Handle handle) {
        this.handle = handle;
    }

    long countSince(String email, Instant since) {
        return handle.createQuery("select count(*) from login_failure where lower(email) = lower(:email) and failed_at > :since")
                .bind("email", email).bind("since", since).mapTo(Long.class).one();
    }

    void add(String email, Instant failedAt) {
        handle.createUpdate("insert into login_failure (email, failed_at) values (:email, :now)")
                .bind("email", email).bind("now", failedAt).execute();
    }

    /** Forgets every failure at or before {@code expired}, whichever the email. */
    void deleteUpTo(Instant expired) {
        handle.createUpdate("delete from login_failure where failed_at <= :expired").bind("expired", expired).execute();
    }

    void deleteFor(String email) {
        handle.createUpdate("delete from login_failure where lower(email) = lower(:email)").bind("email", email).execute();
    }
}
