package io.supporthub.hub.agent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.BodyLimit;
import io.supporthub.hub.web.PathParams;

import java.time.Clock;
import java.util.Optional;

/**
 * An agent's photo: {@code PUT} a raw image body ({@code Content-Type: image/...}, which a cross-site form cannot
 * send), made into a thumbnail and stored; {@code GET} with an ETag; {@code DELETE}. An agent sets their own, an
 * administrator anyone's.
 */
public final class AgentPhotoRoutes {

    static final BodyLimit PHOTO = BodyLimit.kilobytes(5 * 1024);

    private final Transactions transactions;
    private final Clock clock;

    public AgentPhotoRoutes(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whose photo one may change: {@link RoutePermissions} (one's own, or anyone's for a senior or admin). */
    public void register(RoutesConfig routes) {
        PHOTO.put(routes, "/api/agents/{id}/photo", ctx -> put(ctx, PathParams.id(ctx, "agent")));
        PHOTO.put(routes, "/api/me/photo", ctx -> put(ctx, Authentication.agent(ctx).id()));
        routes.get("/api/agents/{id}/photo", ctx -> get(ctx, PathParams.id(ctx, "agent")));
        routes.delete("/api/agents/{id}/photo", ctx -> delete(ctx, PathParams.id(ctx, "agent")));
        routes.delete("/api/me/photo", ctx -> delete(ctx, Authentication.agent(ctx).id()));
    }

    /** Whether {@code PUT} on this path may carry an image rather than JSON. */
    static boolean takesImage(String path) {
        return path.equals("/api/me/photo") || path.matches("/api/agents/[0-9]+/photo");
    }


    private void put(Context ctx, long agentId) {
        byte[] thumbnail = PhotoThumbnails.thumbnail(ctx.bodyAsBytes());
        String etag = "\"" + Passwords.sha256(java.util.Base64.getEncoder().encodeToString(thumbnail)).substring(0, 16) + "\"";
        transactions.inTransaction((handle, afterCommit) -> {
            new AgentQueries(handle).find(agentId).orElseThrow(() -> Refusal.notFound("no agent " + agentId));
            handle.createUpdate("insert into agent_photo (agent_id, image, etag, updated_at) values (:id, :image, :etag, :now) "
                            + "on conflict (agent_id) do update set image = excluded.image, etag = excluded.etag, updated_at = excluded.updated_at")
                    .bind("id", agentId).bind("image", thumbnail).bind("etag", etag).bind("now", clock.instant()).execute();
            return null;
        });
        ctx.header("ETag", etag);
        ctx.status(204);
    }

    private void get(Context ctx, long agentId) {
        Optional<AgentPhoto> photo = transactions.read(handle -> handle.createQuery(
                        "select image, etag from agent_photo where agent_id = :id").bind("id", agentId)
                .map((rs, c) -> new AgentPhoto(rs.getBytes("image"), rs.getString("etag"))).findOne());
        AgentPhoto found = photo.orElseThrow(() -> Refusal.notFound("agent " + agentId + " has no photo"));
        ctx.header("ETag", found.etag());
        // The pages ask for the photo by its version (PhotoUrls): that address never shows another image.
        boolean versioned = PhotoUrls.url(agentId, found.etag()).endsWith("?v=" + ctx.queryParam("v"));
        ctx.header("Cache-Control", versioned ? "private, max-age=31536000, immutable" : "private, no-cache");
        if (found.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("image/png").result(found.image());
    }

    private void delete(Context ctx, long agentId) {
        transactions.inTransaction((handle, afterCommit) -> handle.createUpdate("delete from agent_photo where agent_id = :id")
                .bind("id", agentId).execute());
        ctx.status(204);
    }
}
