package io.supporthub.hub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.BodyLimit;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An agent's own password, API tokens and sessions; and "forgot password", which needs no login. */
public final class AccountRoutes {

    private final PasswordService passwords;
    private final AccessService access;
    private final Authentication authentication;

    public AccountRoutes(PasswordService passwords, AccessService access, Authentication authentication) {
        this.passwords = passwords;
        this.access = access;
        this.authentication = authentication;
    }

    public void registerPublic(RoutesConfig routes) {
        BodyLimit.LOGIN.post(routes, "/api/password/forgot", ctx -> {
            Authentication.requireJsonForChanges(ctx);
            passwords.forgot(Json.text(Json.body(ctx), "email"));
            ctx.status(202).json(Map.of("message", "if this is an agent's email, a link to set a new password is on its way"));
        });
        BodyLimit.LOGIN.post(routes, "/api/password/reset", ctx -> {
            Authentication.requireJsonForChanges(ctx);
            JsonNode body = Json.body(ctx);
            passwords.reset(Json.text(body, "token"), Json.text(body, "new"));
            ctx.status(204);
        });
    }

    public void register(RoutesConfig routes) {
        routes.put("/api/me/password", ctx -> {
            JsonNode body = Json.body(ctx);
            passwords.change(Authentication.caller(ctx), authentication.clientAddress(ctx), Json.text(body, "current"),
                    Json.text(body, "new"));
            ctx.status(204);
        });
        routes.get("/api/me/tokens", ctx -> ctx.json(access.tokens(Authentication.agent(ctx).id())));
        routes.post("/api/me/tokens", this::createToken);
        routes.delete("/api/me/tokens/{id}", ctx -> {
            access.revokeToken(Authentication.agent(ctx).id(), PathParams.id(ctx, "token"));
            ctx.status(204);
        });
        routes.get("/api/me/sessions", this::sessions);
        routes.delete("/api/me/sessions/{id}", ctx -> {
            access.endSession(Authentication.agent(ctx).id(), PathParams.id(ctx, "session"));
            ctx.status(204);
        });
    }

    private void createToken(Context ctx) {
        JsonNode body = Json.body(ctx);
        String expires = Json.optText(body, "expiresAt");
        Instant expiresAt;
        try {
            expiresAt = expires == null ? null : Instant.parse(expires);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'expiresAt' must be a time such as 2027-01-31T00:00:00Z");
        }
        AccessService.NewToken made = access.createToken(Authentication.agent(ctx).id(), Json.text(body, "name"), expiresAt);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", made.listed().id());
        answer.put("name", made.listed().name());
        answer.put("createdAt", made.listed().createdAt());
        answer.put("expiresAt", made.listed().expiresAt());
        answer.put("token", made.token());
        answer.put("note", "shown once: send it as 'Authorization: Bearer <token>'");
        ctx.status(201).json(answer);
    }

    private void sessions(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        ctx.json(access.sessions(caller.agent().id()).stream().map(session -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", session.id());
            row.put("createdAt", session.createdAt());
            row.put("lastUsedAt", session.lastUsedAt());
            row.put("clientAddress", session.clientAddress());
            row.put("userAgent", session.userAgent());
            row.put("current", Long.valueOf(session.id()).equals(caller.sessionId()));
            return row;
        }).toList());
    }
}
