package io.supporthub.hub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.DisplayText;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.BodyLimit;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;

import java.util.List;
import java.util.Map;

/** Login, logout, who am I; and the management of employees and their API tokens (who may: {@link RoutePermissions}). */
public final class AgentRoutes {

    private final Authentication authentication;
    private final AgentService agents;
    private final AccessService access;
    private final PasswordService passwords;

    public AgentRoutes(Authentication authentication, AgentService agents, AccessService access, PasswordService passwords) {
        this.authentication = authentication;
        this.agents = agents;
        this.access = access;
        this.passwords = passwords;
    }

    /** Routes reachable without a session. */
    public void registerPublic(RoutesConfig routes) {
        BodyLimit.LOGIN.post(routes, "/api/session", this::logIn);
        routes.delete("/api/session", ctx -> {
            authentication.logOut(ctx);
            ctx.status(204);
        });
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/session", ctx -> ctx.json(Authentication.agent(ctx)));
        routes.get("/api/agents", this::list);
        routes.post("/api/agents", this::create);
        routes.patch("/api/agents/{id}", this::update);
        routes.post("/api/agents/{id}/reassign", this::reassign);
        routes.post("/api/agents/{id}/token", this::token);
        routes.post("/api/agents/{id}/password-reset", this::resetPassword);
    }

    private void list(Context ctx) {
        List<Agent> all = agents.all();
        ctx.json(Authentication.agent(ctx).rank().atLeast(Role.SENIOR) ? all : all.stream().map(Colleague::of).toList());
    }

    private void resetPassword(Context ctx) {
        String temporary = passwords.resetByAdmin(id(ctx));
        ctx.json(Map.of("temporaryPassword", temporary,
                "note", "shown once: the agent logs in with it and must then choose a new password"));
    }

    private void logIn(Context ctx) {
        Authentication.requireJsonForChanges(ctx);
        JsonNode body = Json.body(ctx);
        ctx.json(authentication.logIn(ctx, Json.text(body, "email"), Json.text(body, "password")));
    }

    private void create(Context ctx) {
        JsonNode body = Json.body(ctx);
        Long line = Json.optLong(body, "line");
        String role = Json.optText(body, "role");
        ctx.status(201).json(agents.create(Authentication.agent(ctx), Json.text(body, "email"),
                DisplayText.name(Json.text(body, "name")), Json.text(body, "password"),
                role == null ? Role.SPECIALIST.wireName() : role, line == null ? 1 : line.intValue(), groupIds(body)));
    }

    /** {@code "groups": [ids]}, the new employee's groups instead of their line's; null when not given. */
    private static java.util.List<Long> groupIds(JsonNode body) {
        JsonNode groups = body.get("groups");
        if (groups == null || groups.isNull()) {
            return null;
        }
        if (!groups.isArray()) {
            throw Refusal.invalid("'groups' must be a list of group ids");
        }
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (JsonNode id : groups) {
            if (!id.canConvertToLong()) {
                throw Refusal.invalid("'groups' must be a list of group ids");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    /** Who may change which field: {@link RoutePermissions} for the route, {@link AgentChanges} for the body. */
    private void update(Context ctx) {
        Agent caller = Authentication.agent(ctx);
        long id = id(ctx);
        JsonNode body = Json.body(ctx);
        boolean self = caller.id() == id;
        if (self && body.has("active") && !Json.optBoolean(body, "active", true)) {
            throw Refusal.invalid("you cannot disable your own account");
        }
        HandoverTarget handoverTo = body.has("reassign") ? HandoverTarget.from(body.get("reassign")) : null;
        Long line = Json.optLong(body, "line");
        ctx.json(agents.update(caller, id, DisplayText.name(Json.optText(body, "name")), Json.optText(body, "role"),
                line == null ? null : line.intValue(),
                body.has("active") ? Json.optBoolean(body, "active", true) : null,
                Json.optText(body, "password"), handoverTo));
    }

    private void reassign(Context ctx) {
        Agent caller = Authentication.agent(ctx);
        ctx.json(Map.of("moved", agents.reassign(id(ctx), HandoverTarget.from(Json.body(ctx)), caller)));
    }

    private void token(Context ctx) {
        ctx.status(201).json(Map.of("token", access.replaceDefaultToken(id(ctx)),
                "note", "shown once: send it as 'Authorization: Bearer <token>'"));
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "agent");
    }
}
