package io.supporthub.hub.keptaside;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.channelevent.Replayed;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.PathParams;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/kept-aside}: payloads kept aside, for senior specialists and admins (see RoutePermissions): list (newest first, keyset paging with {@code after}
 * and {@code limit}), one with its request (content type, headers, base64 body), retry, delete, and accept a mail held
 * for its unknown sender (makes the contact and the ticket, once).
 */
public final class KeptAsideRoutes {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final KeptAsideService keptAside;

    public KeptAsideRoutes(KeptAsideService keptAside) {
        this.keptAside = keptAside;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/kept-aside", this::list);
        routes.get("/api/kept-aside/{id}", this::show);
        routes.post("/api/kept-aside/{id}/retry", this::retry);
        routes.post("/api/kept-aside/{id}/accept", ctx -> answer(ctx, keptAside.accept(PathParams.id(ctx, "id"))));
        routes.delete("/api/kept-aside/{id}", ctx -> {
            keptAside.delete(PathParams.id(ctx, "id"));
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        int limit = number(ctx, "limit", DEFAULT_LIMIT).intValue();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Refusal.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        Long after = ctx.queryParam("after") == null ? null : number(ctx, "after", 0);
        String channel = ctx.queryParam("channel");
        List<KeptAsideQueries.Summary> page = keptAside.list(channel == null || channel.isBlank() ? null : channel, after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().map(KeptAsideRoutes::summary).toList());
        body.put("next", page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null);
        ctx.json(body);
    }

    private void show(Context ctx) {
        KeptAsideQueries.Detail kept = keptAside.find(PathParams.id(ctx, "id"));
        Map<String, Object> body = summary(kept.summary());
        body.put("contentType", kept.contentType());
        body.put("headers", kept.headers() == null ? Map.of() : readTree(kept.headers()));
        byte[] bytes = kept.body() != null ? kept.body()
                : kept.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.put("body", Base64.getEncoder().encodeToString(bytes));
        if (!kept.retryTicketIds().isEmpty()) {
            body.put("ticketIds", kept.retryTicketIds());
        }
        ctx.json(body);
    }

    private void retry(Context ctx) {
        answer(ctx, keptAside.retry(PathParams.id(ctx, "id")));
    }

    private static void answer(Context ctx, Replayed replayed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", replayed.outcome());
        body.put("ticketIds", replayed.ticketIds());
        if (replayed.reason() != null) {
            body.put("reason", replayed.reason());
        }
        ctx.json(body);
    }

    private static Map<String, Object> summary(KeptAsideQueries.Summary kept) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", kept.id());
        item.put("channel", kept.channel());
        item.put("reason", kept.reason());
        item.put("receivedAt", kept.receivedAt());
        item.put("bytes", kept.bytes());
        item.put("retryable", kept.retryable());
        if (kept.unknownSender() != null) {
            item.put("unknownSender", kept.unknownSender());
            item.put("awaitsAcceptance", kept.awaitsAcceptance());
        }
        if (kept.retriedAt() != null) {
            item.put("retriedAt", kept.retriedAt());
            item.put("retryOutcome", kept.retryOutcome());
        }
        return item;
    }

    private static Object readTree(String json) {
        try {
            return io.supporthub.hub.web.Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long number(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name + " must be a number");
        }
    }
}
