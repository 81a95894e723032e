package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.AccessService;
import io.supporthub.hub.agent.AgentSession;
import io.supporthub.hub.agent.ApiToken;
import io.supporthub.hub.agent.Caller;
import io.supporthub.hub.timezone.ViewerZones;

import java.time.Instant;
import java.time.ZoneId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /profile}: the agent's own password, time zone, sessions and API tokens. Its forms call the JSON API
 * ({@code /api/me/...}) from the page's script; an agent whose password was reset is sent here first.
 */
final class ProfilePage {

    /** A session as the page lists it. */
    record SessionRow(long id, String createdAt, String lastUsedAt, String clientAddress, String userAgent, boolean current) {
    }

    /** A token as the page lists it. */
    record TokenRow(long id, String name, String createdAt, String expiresAt, String lastUsedAt) {
    }

    private final AccessService access;
    private final PageAccess pageAccess;
    private final Pages pages;

    ProfilePage(AccessService access, PageAccess pageAccess, Pages pages) {
        this.access = access;
        this.pageAccess = pageAccess;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/profile", this::show);
    }

    private void show(Context ctx) {
        Caller caller = pageAccess.callerForProfile(ctx);
        long agentId = caller.agent().id();
        ViewerZones.Preferences preferences = pages.zones().preferences(agentId);
        ZoneId zone = ZoneId.of(preferences.effectiveTimeZone());
        List<SessionRow> sessions = access.sessions(agentId).stream().map(session -> sessionRow(session, caller, zone)).toList();
        List<TokenRow> tokens = access.tokens(agentId).stream().map(token -> tokenRow(token, zone)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Your profile");
        model.put("section", "profile");
        model.put("mustChangePassword", caller.mustChangePassword());
        model.put("sessions", sessions);
        model.put("tokens", tokens);
        model.put("preferences", preferences);
        model.put("zones", AdminPages.TIME_ZONES);
        model.put("zoneLabel", Format.zoneLabel(zone, Instant.now()));
        pages.render(ctx, 200, "profile", caller.agent(), model);
    }

    private static SessionRow sessionRow(AgentSession session, Caller caller, ZoneId zone) {
        return new SessionRow(session.id(), Format.dayTime(session.createdAt(), zone), Format.dayTime(session.lastUsedAt(), zone),
                session.clientAddress() == null ? "" : session.clientAddress(),
                session.userAgent() == null ? "" : session.userAgent(), Long.valueOf(session.id()).equals(caller.sessionId()));
    }

    private static TokenRow tokenRow(ApiToken token, ZoneId zone) {
        return new TokenRow(token.id(), token.name(), Format.dayTime(token.createdAt(), zone),
                token.expiresAt() == null ? "never" : Format.dayTime(token.expiresAt(), zone),
                token.lastUsedAt() == null ? "never" : Format.dayTime(token.lastUsedAt(), zone));
    }
}
