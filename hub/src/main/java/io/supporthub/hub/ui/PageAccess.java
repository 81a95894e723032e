package io.supporthub.hub.ui;

import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.agent.Caller;
import io.supporthub.hub.agent.Forbidden;
import io.supporthub.hub.agent.RoutePermissions;
import io.javalin.router.Endpoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Pages need a logged-in agent (the API's session cookie) whose role may open them ({@link RoutePermissions}). */
final class PageAccess {

    /** Thrown to send the browser to the login page; {@link WebUi} maps it to a redirect. */
    static final class LoginRequired extends RuntimeException {
        LoginRequired() {
            super(null, null, false, false);
        }
    }

    /** Thrown when an agent opens a page their role does not allow; answered 403 with a page that says why. */
    static final class NotAllowed extends RuntimeException {
        private final transient Agent agent;

        NotAllowed(Agent agent, String reason) {
            super(reason, null, false, false);
            this.agent = agent;
        }

        Agent agent() {
            return agent;
        }
    }

    /** Thrown when an agent whose password was reset opens any page but the profile, where they choose a new one. */
    static final class PasswordChangeRequired extends RuntimeException {
        PasswordChangeRequired() {
            super(null, null, false, false);
        }
    }

    private final Authentication authentication;
    private final RoutePermissions permissions;

    PageAccess(Authentication authentication, RoutePermissions permissions) {
        this.authentication = authentication;
        this.permissions = permissions;
    }

    /** The agent of the request, when their role may open the page ({@link RoutePermissions}, as for the API). */
    Agent agent(Context ctx) {
        Caller caller = callerForProfile(ctx);
        if (caller.mustChangePassword()) {
            throw new PasswordChangeRequired();
        }
        return caller.agent();
    }

    /** The caller, even one who must choose a new password first (the profile page is where they do). */
    Caller callerForProfile(Context ctx) {
        Caller caller = authentication.identifyCaller(ctx).filter(found -> found.agent().active()).orElseThrow(LoginRequired::new);
        Endpoint page = ctx.endpoints().matchedHttpEndpoint();
        Optional<String> refusal = permissions.refusal(caller.agent(), page.method.name(), page.path, ctx.pathParamMap());
        if (refusal.isPresent()) {
            Forbidden.note(caller.agent(), ctx.method() + " " + ctx.path(), refusal.get());
            throw new NotAllowed(caller.agent(), refusal.get());
        }
        return caller;
    }

    static String loginUrl(Context ctx) {
        String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    /** Only a path on this hub: never another site (an open redirect). */
    static String safeNext(String next) {
        return SafeRedirect.target(next);
    }
}
