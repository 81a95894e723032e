package io.supporthub.hub.agent;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** SQL on the login attempts counted per (account, client) and per client, in windows that start at a first attempt. */
final class LoginAttemptQueries {

    /** The counts after this attempt was counted, and when their windows began. */
    record Counts(int accountAttempts, Instant accountSince, int clientAttempts, Instant clientSince) {
    }

    private static final String COUNT = "insert into login_attempt as a (scope, key, attempts, window_start) "
            + "values (:scope, :key, 1, :now) on conflict (scope, key) do update set "
            + "attempts = case when a.window_start <= :expired then 1 else a.attempts + 1 end, "
            + "window_start = case when a.window_start <= :expired then :now else a.window_start end "
            + "returning attempts, window_start";

    private final Handle handle;

    LoginAttemptQueries(Handle handle) {
        this.handle = handle;
    }

    /**
     * Counts one attempt on both keys and returns the new counts, in one statement: each upsert locks its row, so
     * of simultaneous attempts each sees a different count. Windows that began at or before {@code expired} start over.
     */
    Counts count(String accountKey, String clientKey, Instant now, Instant expired) {
        return handle.createQuery("with account as (" + COUNT.replace(":scope", "'account'").replace(":key", ":accountKey")
                        + "), client as (" + COUNT.replace(":scope", "'client'").replace(":key", ":clientKey") + ") "
                        + "select account.attempts as account_attempts, account.window_start as account_since, "
                        + "client.attempts as client_attempts, client.window_start as client_since from account, client")
                .bind("accountKey", accountKey).bind("clientKey", clientKey).bind("now", now).bind("expired", expired)
                .map((rs, ctx) -> new Counts(rs.getInt("account_attempts"), rs.getTimestamp("account_since").toInstant(),
                        rs.getInt("client_attempts"), rs.getTimestamp("client_since").toInstant()))
                .one();
    }

    /** A login that succeeded: the pair starts afresh and the client's attempt is given back. */
    void succeeded(String accountKey, String clientKey) {
        handle.createUpdate("delete from login_attempt where scope = 'account' and key = :key").bind("key", accountKey).execute();
        handle.createUpdate("update login_attempt set attempts = greatest(attempts - 1, 0) where scope = 'client' and key = :key")
                .bind("key", clientKey).execute();
    }

    void deleteExpired(Instant expired) {
        handle.createUpdate("delete from login_attempt where window_start <= :expired").bind("expired", expired).execute();
    }
}
