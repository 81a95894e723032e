package io.supporthub.hub.agent;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.ClientAddresses;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: an agent's session cookie (sessions live in PostgreSQL, so any node serves them) or
 * {@code Authorization: Bearer <API token>}. State-changing API calls must be JSON, which a cross-site form cannot
 * send: together with SameSite cookies this is the API's forgery protection.
 */
public final class Authentication {

    public static final String SESSION_COOKIE = "hub_session";
    private static final String CALLER_ATTRIBUTE = "caller";
    /** How stale a session's "last used" may get before a request writes it again: not a write per request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    /** What an agent who must choose a new password may still call. */
    private static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of("GET /api/session", "PUT /api/me/password");
    private static final Set<String> PUBLIC = Set.of("POST /api/session", "DELETE /api/session",
            "POST /api/password/forgot", "POST /api/password/reset");

    private final Transactions transactions;
    private final Clock clock;
    private final boolean secureCookies;
    private final Duration sessionIdle;
    private final ClientAddresses clientAddresses;
    private final Login login;

    public Authentication(Transactions transactions, Clock clock, boolean secureCookies, Duration sessionIdle,
                          ClientAddresses clientAddresses) {
        this.transactions = transactions;
        this.clock = clock;
        this.secureCookies = secureCookies;
        this.sessionIdle = sessionIdle;
        this.clientAddresses = clientAddresses;
        this.login = new Login(transactions, clock, sessionIdle);
    }

    /**
     * The before-handler of {@code /api/*}: every route needs an agent but logging in and out, "forgot password" and
     * the generic inbound channel, which checks its own key.
     */
    public void guardApi(Context ctx) {
        String route = ctx.method() + " " + ctx.path();
        if (PUBLIC.contains(route) || ctx.path().equals("/api/inbound") || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        Caller caller = identifyCaller(ctx).orElseThrow(() ->
                Refusal.unauthenticated("log in first (POST /api/session) or send 'Authorization: Bearer <API token>'"));
        if (caller.mustChangePassword() && !BEFORE_PASSWORD_CHANGE.contains(route)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "password_change_required",
                    "an administrator reset your password: choose a new one first (PUT /api/me/password)");
        }
        requireJsonForChanges(ctx, caller);
        ctx.attribute(CALLER_ATTRIBUTE, caller);
    }

    public Optional<Agent> identify(Context ctx) {
        return identifyCaller(ctx).map(Caller::agent);
    }

    /** The agent of the request's API token or session cookie; a session in use is noted as used. */
    public Optional<Caller> identifyCaller(Context ctx) {
        String authorization = ctx.header("Authorization");
        Instant now = clock.instant();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String hash = Passwords.sha256(authorization.substring(7).strip());
            return transactions.inTransaction((handle, afterCommit) -> new TokenQueries(handle).agentOf(hash, now))
                    .map(agent -> new Caller(agent, null, false));
        }
        String session = ctx.cookie(SESSION_COOKIE);
        if (session == null || session.isBlank()) {
            return Optional.empty();
        }
        String hash = Passwords.sha256(session);
        Optional<SessionQueries.Found> found = transactions.read(handle -> new SessionQueries(handle).find(hash, now, now.minus(sessionIdle)));
        found.filter(f -> f.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))).ifPresent(f ->
                transactions.inTransaction((handle, afterCommit) -> {
                    new SessionQueries(handle).touch(f.sessionId(), now);
                    return null;
                }));
        return found.map(f -> new Caller(f.agent(), f.sessionId(), f.mustChangePassword()));
    }

    /** The route of the contact import, which takes a CSV file rather than JSON. */
    static final String CONTACT_IMPORT = "/api/import/contacts";

    static void requireJsonForChanges(Context ctx) {
        requireJsonForChanges(ctx, null);
    }

    static void requireJsonForChanges(Context ctx, Caller caller) {
        HandlerType method = ctx.method();
        if (method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH) {
            String type = ctx.contentType();
            if (method == HandlerType.POST && ctx.path().equals(CONTACT_IMPORT) && type != null) {
                String lower = type.toLowerCase(Locale.ROOT);
                // A cross-site form cannot send text/csv; it can send a multipart form, so that is an API token's only
                // (a token is never sent by a browser on its own).
                if (lower.startsWith("text/csv") || (lower.startsWith("multipart/form-data")
                        && caller != null && caller.sessionId() == null)) {
                    return;
                }
            }
            if (method == HandlerType.PUT && AgentPhotoRoutes.takesImage(ctx.path()) && type != null
                    && type.toLowerCase(Locale.ROOT).startsWith("image/")) {
                return; // a cross-site form cannot send an image/* body either
            }
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new Refusal(Refusal.Kind.UNSUPPORTED_FORMAT, "unsupported_media_type", "send the request as Content-Type: application/json");
            }
        }
    }

    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER_ATTRIBUTE);
        if (caller == null) {
            throw Refusal.unauthenticated("not logged in");
        }
        return caller;
    }

    public static Agent agent(Context ctx) {
        return caller(ctx).agent();
    }

    /** Tells {@code listener} of every login attempt from now on (an audit log records them). */
    public void onLoginAttempt(LoginOutcome.Listener listener) {
        login.onAttempt(listener);
    }

    public String clientAddress(Context ctx) {
        return clientAddresses.of(ctx);
    }

    /** Checks the password ({@link Login}) and opens a session; the cookie carries the token, the database its hash. */
    public Agent logIn(Context ctx, String email, String password) {
        Login.Opened opened = login.logIn(email, password, clientAddresses.of(ctx), userAgent(ctx));
        ctx.cookie(cookie(opened.token(), (int) Login.SESSION_LIFETIME.toSeconds()));
        return opened.agent();
    }

    public void logOut(Context ctx) {
        String session = ctx.cookie(SESSION_COOKIE);
        if (session != null) {
            transactions.inTransaction((handle, afterCommit) -> {
                new SessionQueries(handle).deleteByToken(Passwords.sha256(session));
                return null;
            });
        }
        ctx.cookie(cookie("", 0));
    }

    private static String userAgent(Context ctx) {
        String userAgent = ctx.userAgent();
        return userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 200));
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(SESSION_COOKIE, value, "/", maxAgeSeconds, secureCookies, true, null, SameSite.LAX);
    }
}
