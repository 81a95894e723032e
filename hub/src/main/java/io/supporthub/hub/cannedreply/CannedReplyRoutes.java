package io.supporthub.hub.cannedreply;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Canned replies: everyone reads and renders them; senior specialists and admins create, edit, reorder and delete. */
public final class CannedReplyRoutes {

    private final CannedReplies replies;

    public CannedReplyRoutes(CannedReplies replies) {
        this.replies = replies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/canned", ctx -> {
            String ticket = ctx.queryParam("ticketId");
            Long ticketId;
            try {
                ticketId = ticket == null || ticket.isBlank() ? null : Long.valueOf(ticket.strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("'ticketId' must be a ticket id");
            }
            ctx.json(Map.of("groups", replies.all(ctx.queryParam("q"), ticketId, Authentication.agent(ctx).name())));
        });
        routes.post("/api/canned/groups", ctx -> {
            ctx.status(201).json(replies.createGroup(Json.text(Json.body(ctx), "name")));
        });
        routes.patch("/api/canned/groups/{id}", ctx -> {
            JsonNode body = Json.body(ctx);
            Long position = Json.optLong(body, "position");
            ctx.json(replies.updateGroup(id(ctx), Json.optText(body, "name"), position == null ? null : position.intValue()));
        });
        routes.post("/api/canned/groups/{id}/order", this::reorder);
        routes.delete("/api/canned/groups/{id}", ctx -> {
            replies.deleteGroup(id(ctx));
            ctx.status(204);
        });
        routes.post("/api/canned/replies", ctx -> {
            JsonNode body = Json.body(ctx);
            Long groupId = Json.optLong(body, "groupId");
            if (groupId == null) {
                throw Refusal.invalid("'groupId' is required");
            }
            ctx.status(201).json(replies.createReply(groupId, Json.text(body, "title"), Json.text(body, "body")));
        });
        routes.patch("/api/canned/replies/{id}", ctx -> {
            JsonNode body = Json.body(ctx);
            Long position = Json.optLong(body, "position");
            ctx.json(replies.updateReply(id(ctx), Json.optLong(body, "groupId"), Json.optText(body, "title"),
                    Json.optText(body, "body"), position == null ? null : position.intValue()));
        });
        routes.delete("/api/canned/replies/{id}", ctx -> {
            replies.deleteReply(id(ctx));
            ctx.status(204);
        });
        routes.post("/api/canned/replies/{id}/render", ctx -> {
            Agent agent = Authentication.agent(ctx);
            Long ticketId = Json.optLong(Json.body(ctx), "ticketId");
            if (ticketId == null) {
                throw Refusal.invalid("'ticketId' is required");
            }
            ctx.json(replies.render(id(ctx), ticketId, agent.name()));
        });
    }

    private void reorder(Context ctx) {
        JsonNode ids = Json.body(ctx).get("replyIds");
        if (ids == null || !ids.isArray()) {
            throw Refusal.invalid("'replyIds' must be an array of reply ids");
        }
        List<Long> order = new ArrayList<>();
        ids.forEach(node -> order.add(node.asLong()));
        ctx.json(replies.reorder(id(ctx), order));
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "item");
    }
}
