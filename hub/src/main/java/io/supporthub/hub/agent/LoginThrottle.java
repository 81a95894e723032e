package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.TooManyAttempts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing without letting a stranger lock anyone out. Attempts are counted per account and client
 * address together ({@link #ACCOUNT_ATTEMPTS} in a {@link #WINDOW}), so guesses from one address never refuse the
 * right password from another; and per client address across accounts ({@link #CLIENT_ATTEMPTS}), so one address
 * cannot try a password on every account. An attempt is counted before its password is checked, atomically in the
 * database (every node shares the count), so simultaneous guesses get no more real checks than the limit; a login
 * that succeeds gives its attempt back.
 */
final class LoginThrottle {

    static final int ACCOUNT_ATTEMPTS = 10;
    static final int CLIENT_ATTEMPTS = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Transactions transactions;

    LoginThrottle(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Counts the attempt, or refuses it with when to try again. */
    void admit(String email, String client, Instant now) {
        Instant expired = now.minus(WINDOW);
        LoginAttemptQueries.Counts counts = transactions.inTransaction((handle, afterCommit) ->
                new LoginAttemptQueries(handle).count(accountKey(email, client), client, now, expired));
        Instant until = Instant.MIN;
        if (counts.accountAttempts() > ACCOUNT_ATTEMPTS) {
            until = counts.accountSince().plus(WINDOW);
        }
        if (counts.clientAttempts() > CLIENT_ATTEMPTS && counts.clientSince().plus(WINDOW).isAfter(until)) {
            until = counts.clientSince().plus(WINDOW);
        }
        if (until != Instant.MIN) {
            Duration wait = Duration.between(now, until);
            throw new TooManyAttempts("too many failed logins from this address; try again in "
                    + Math.max(1, (wait.toSeconds() + 59) / 60) + " minutes", wait);
        }
    }

    void succeeded(String email, String client, Instant now) {
        transactions.inTransaction((handle, afterCommit) -> {
            LoginAttemptQueries attempts = new LoginAttemptQueries(handle);
            attempts.succeeded(accountKey(email, client), client);
            attempts.deleteExpired(now.minus(WINDOW));
            return null;
        });
    }

    private static String accountKey(String email, String client) {
        return email.strip().toLowerCase(Locale.ROOT) + " " + client;
    }
}
