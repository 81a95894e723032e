package io.supporthub.hub.ui;

import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.agent.Caller;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Pages need a logged-in agent (the API's session cookie); admin pages an administrator. */
final class PageAccess {

    /** Thrown to send the browser to the login page; {@link WebUi} maps it to a redirect. */
    static final class LoginRequired extends RuntimeException {
        LoginRequired() {
            super(null, null, false, false);
        }
    }

    /** Thrown when an agent opens an admin page; answered 403 with a page. */
    static final class AdminOnly extends RuntimeException {
        AdminOnly() {
            super(null, null, false, false);
        }
    }

    /** Thrown when an agent whose password was reset opens any page but the profile, where they choose a new one. */
    static final class PasswordChangeRequired extends RuntimeException {
        PasswordChangeRequired() {
            super(null, null, false, false);
        }
    }

    private final Authentication authentication;

    PageAccess(Authentication authentication) {
        this.authentication = authentication;
    }

    Agent agent(Context ctx) {
        Caller caller = callerForProfile(ctx);
        if (caller.mustChangePassword()) {
            throw new PasswordChangeRequired();
        }
        return caller.agent();
    }

    /** The caller, even one who must choose a new password first (the profile page is where they do). */
    Caller callerForProfile(Context ctx) {
        return authentication.identifyCaller(ctx).filter(caller -> caller.agent().active()).orElseThrow(LoginRequired::new);
    }

    Agent admin(Context ctx) {
        Agent agent = agent(ctx);
        if (!agent.isAdmin()) {
            throw new AdminOnly();
        }
        return agent;
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
