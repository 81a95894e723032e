package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.error.TooManyAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One login attempt: counted first ({@link LoginThrottle}), then the password checked, then a session opened. A hash
 * in an older scheme is written anew; whoever listens is told how the attempt ended.
 */
final class Login {

    private static final Logger log = LoggerFactory.getLogger(Login.class);
    /** The longest a session lasts even when used every day; unused, it ends after the idle time. */
    static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    private static final String UNKNOWN_ACCOUNT_HASH = Passwords.hash(Passwords.randomToken(16));

    /** A session just opened: the token for the cookie (the database keeps its hash) and its agent. */
    record Opened(Agent agent, String token) {
    }

    private final Transactions transactions;
    private final Clock clock;
    private final Duration sessionIdle;
    private final LoginThrottle throttle;
    private final List<LoginOutcome.Listener> listeners = new CopyOnWriteArrayList<>();

    Login(Transactions transactions, Clock clock, Duration sessionIdle) {
        this.transactions = transactions;
        this.clock = clock;
        this.sessionIdle = sessionIdle;
        this.throttle = new LoginThrottle(transactions);
    }

    void onAttempt(LoginOutcome.Listener listener) {
        listeners.add(listener);
    }

    Opened logIn(String email, String password, String client, String userAgent) {
        Instant attemptAt = clock.instant();
        try {
            throttle.admit(email, client, attemptAt);
        } catch (TooManyAttempts e) {
            log.info("Login for {} from {} refused: too many attempts", email, client);
            report(email, client, null, LoginOutcome.Result.THROTTLED, attemptAt);
            throw e;
        }
        Optional<Agent> agent = transactions.read(handle -> new AgentQueries(handle).findByEmail(email));
        Optional<String> hash = agent.flatMap(a -> transactions.read(handle -> new AgentQueries(handle).passwordHash(a.id())));
        // An unknown email costs the same bcrypt check as a known one, so timing does not tell which emails exist;
        // a password longer than any allowed one is wrong without hashing a megabyte.
        boolean matches = !PasswordPolicy.tooLong(password)
                && Passwords.matches(password, hash.orElse(UNKNOWN_ACCOUNT_HASH)) && hash.isPresent();
        Long agentId = agent.map(Agent::id).orElse(null);
        if (!matches) {
            log.info("Login for {} from {} failed: wrong email or password", email, client);
            report(email, client, agentId, LoginOutcome.Result.WRONG_PASSWORD, attemptAt);
            throw Refusal.unauthenticated("wrong email or password");
        }
        throttle.succeeded(email, client, attemptAt);
        if (!agent.get().active()) {
            report(email, client, agentId, LoginOutcome.Result.ACCOUNT_DISABLED, attemptAt);
            throw Refusal.forbidden("this account is disabled; ask an administrator");
        }
        String token = Passwords.randomToken(32);
        Instant now = clock.instant();
        transactions.inTransaction((handle, afterCommit) -> {
            if (Passwords.needsRehash(hash.get())) {
                new AgentQueries(handle).replaceHash(agentId, hash.get(), Passwords.hash(password));
            }
            SessionQueries sessions = new SessionQueries(handle);
            sessions.deleteExpired(now, now.minus(sessionIdle));
            sessions.create(Passwords.sha256(token), agentId, now, now.plus(SESSION_LIFETIME), client, userAgent);
            return null;
        });
        report(email, client, agentId, LoginOutcome.Result.SUCCEEDED, attemptAt);
        return new Opened(agent.get(), token);
    }

    private void report(String email, String client, Long agentId, LoginOutcome.Result result, Instant at) {
        LoginOutcome outcome = new LoginOutcome(email, client, agentId, result, at);
        listeners.forEach(listener -> listener.loginAttempted(outcome));
    }
}
