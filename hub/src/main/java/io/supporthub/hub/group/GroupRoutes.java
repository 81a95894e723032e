package io.supporthub.hub.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;

import java.util.ArrayList;
import java.util.List;

/** {@code /api/groups}: everyone reads the groups; admins create, change and delete them. */
public final class GroupRoutes {

    private final GroupService groups;

    public GroupRoutes(GroupService groups) {
        this.groups = groups;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/groups", ctx -> ctx.json(groups.all()));
        routes.get("/api/groups/{id}", ctx -> ctx.json(groups.find(id(ctx))
                .orElseThrow(() -> Refusal.notFound("no group " + id(ctx)))));
        routes.post("/api/groups", ctx -> {
            ctx.status(201).json(groups.create(changes(Json.body(ctx))));
        });
        routes.patch("/api/groups/{id}", ctx -> {
            ctx.json(groups.change(id(ctx), changes(Json.body(ctx))));
        });
        routes.delete("/api/groups/{id}", ctx -> {
            groups.delete(id(ctx));
            ctx.status(204);
        });
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "group");
    }

    private static GroupService.Changes changes(JsonNode body) {
        String name = Json.optText(body, "name");
        if (name != null) {
            name = name.strip();
            if (name.isEmpty() || name.length() > 100) {
                throw Refusal.invalid("'name' must have 1 to 100 characters");
            }
        }
        return new GroupService.Changes(name, agentIds(body, "members"), agentIds(body, "notify"),
                flag(body, "escalationTarget"), flag(body, "hidden"));
    }

    private static List<Long> agentIds(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw Refusal.invalid("'" + field + "' must be a list of employee ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                throw Refusal.invalid("'" + field + "' must be a list of employee ids");
            }
            ids.add(id.asLong());
        }
        return List.copyOf(ids);
    }

    private static Boolean flag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw Refusal.invalid("'" + field + "' must be true or false");
        }
        return node.asBoolean();
    }
}
