package io.supporthub.hub.agent;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.error.TooManyAttempts;
import io.supporthub.hub.web.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who is calling: an agent's session cookie (sessions live in PostgreSQL, so any node serves them) or
 * {@code Authorization: Bearer <API token>}. State-changing API calls must be JSON, which a cross-site form cannot
 * send: together with SameSite cookies this is the API's forgery protection.
 */
public final class Authentication {

    private static final Logger log = LoggerFactory.getLogger(Authentication.class);
    public static final String SESSION_COOKIE = "hub_session";
    private static final String AGENT_ATTRIBUTE = "agent";
    private static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    private static final String UNKNOWN_ACCOUNT_HASH = Passwords.hash(Passwords.randomToken(16));

    private final Transactions transactions;
    private final Clock clock;
    private final boolean secureCookies;
    private final ClientAddresses clientAddresses;
    private final LoginThrottle throttle;
    private final List<LoginOutcome.Listener> loginListeners = new CopyOnWriteArrayList<>();

    public Authentication(Transactions transactions, Clock clock, boolean secureCookies, ClientAddresses clientAddresses) {
        this.transactions = transactions;
        this.clock = clock;
        this.secureCookies = secureCookies;
        this.clientAddresses = clientAddresses;
        this.throttle = new LoginThrottle(transactions);
    }

    /**
     * The before-handler of {@code /api/*}: every route needs an agent but logging in and out and the generic inbound
     * channel, which checks its own key.
     */
    public void guardApi(Context ctx) {
        String path = ctx.path();
        if (path.equals("/api/session") && ctx.method() != HandlerType.GET || path.equals("/api/inbound")) {
            return;
        }
        requireAgent(ctx);
    }

    /** Identifies the agent or answers 401. */
    private void requireAgent(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        Optional<Agent> agent = identify(ctx);
        if (agent.isEmpty()) {
            throw Refusal.unauthenticated("log in first (POST /api/session) or send 'Authorization: Bearer <API token>'");
        }
        requireJsonForChanges(ctx);
        ctx.attribute(AGENT_ATTRIBUTE, agent.get());
    }

    public Optional<Agent> identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        Instant now = clock.instant();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String hash = Passwords.sha256(authorization.substring(7).strip());
            return transactions.read(handle -> new AgentQueries(handle).byApiToken(hash));
        }
        String session = ctx.cookie(SESSION_COOKIE);
        if (session == null || session.isBlank()) {
            return Optional.empty();
        }
        String hash = Passwords.sha256(session);
        return transactions.read(handle -> new AgentQueries(handle).bySession(hash, now));
    }

    static void requireJsonForChanges(Context ctx) {
        HandlerType method = ctx.method();
        if (method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH) {
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                throw new Refusal(Refusal.Kind.UNSUPPORTED_FORMAT, "unsupported_media_type", "send the request as Content-Type: application/json");
            }
        }
    }

    public static Agent agent(Context ctx) {
        Agent agent = ctx.attribute(AGENT_ATTRIBUTE);
        if (agent == null) {
            throw Refusal.unauthenticated("not logged in");
        }
        return agent;
    }

    public static Agent admin(Context ctx) {
        Agent agent = agent(ctx);
        if (!agent.isAdmin()) {
            throw Refusal.forbidden("only an administrator can do this");
        }
        return agent;
    }

    /** Tells {@code listener} of every login attempt from now on (an audit log records them). */
    public void onLoginAttempt(LoginOutcome.Listener listener) {
        loginListeners.add(listener);
    }

    /**
     * Checks the password and opens a session; the cookie carries the token, the database its hash. The attempt is
     * counted before the password is checked ({@link LoginThrottle}).
     */
    public Agent logIn(Context ctx, String email, String password) {
        Instant attemptAt = clock.instant();
        String client = clientAddresses.of(ctx);
        try {
            throttle.admit(email, client, attemptAt);
        } catch (TooManyAttempts e) {
            log.info("Login for {} from {} refused: too many attempts", email, client);
            report(email, client, null, LoginOutcome.Result.THROTTLED, attemptAt);
            throw e;
        }
        Optional<Agent> agent = transactions.read(handle -> new AgentQueries(handle).findByEmail(email));
        Optional<String> hash = agent.flatMap(a -> transactions.read(handle -> new AgentQueries(handle).passwordHash(a.id())));
        // An unknown email costs the same bcrypt check as a known one, so timing does not tell which emails exist.
        boolean matches = Passwords.matches(password, hash.orElse(UNKNOWN_ACCOUNT_HASH)) && hash.isPresent();
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
            AgentQueries agents = new AgentQueries(handle);
            agents.deleteExpiredSessions(now);
            agents.createSession(Passwords.sha256(token), agent.get().id(), now, now.plus(SESSION_LIFETIME));
            return null;
        });
        ctx.cookie(cookie(token, (int) SESSION_LIFETIME.toSeconds()));
        report(email, client, agentId, LoginOutcome.Result.SUCCEEDED, attemptAt);
        return agent.get();
    }

    private void report(String email, String client, Long agentId, LoginOutcome.Result result, Instant at) {
        LoginOutcome outcome = new LoginOutcome(email, client, agentId, result, at);
        loginListeners.forEach(listener -> listener.loginAttempted(outcome));
    }

    public void logOut(Context ctx) {
        String session = ctx.cookie(SESSION_COOKIE);
        if (session != null) {
            transactions.inTransaction((handle, afterCommit) -> {
                new AgentQueries(handle).deleteSession(Passwords.sha256(session));
                return null;
            });
        }
        ctx.cookie(cookie("", 0));
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(SESSION_COOKIE, value, "/", maxAgeSeconds, secureCookies, true, null, SameSite.LAX);
    }
}
