package io.supporthub.hub.sla;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;

/**
 * {@code /api/sla}: the rules (administrators; list in order, create, read, PUT/PATCH, delete, {@code order}), the
 * defaults ({@code GET/PUT /api/sla/defaults}) and the preview (every agent).
 */
public final class SlaRoutes {

    private final SlaRuleService rules;
    private final SlaPreview preview;

    public SlaRoutes(SlaRuleService rules, SlaPreview preview) {
        this.rules = rules;
        this.preview = preview;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sla/rules", ctx -> ctx.json(rules.all().stream().map(SlaRuleJson::toJson).toList()));
        routes.post("/api/sla/rules", ctx -> ctx.status(201).json(SlaRuleJson.toJson(rules.create(Json.body(ctx)))));
        routes.post("/api/sla/rules/order", ctx ->
                ctx.json(rules.reorder(Json.body(ctx)).stream().map(SlaRuleJson::toJson).toList()));
        routes.get("/api/sla/rules/{id}", ctx -> ctx.json(SlaRuleJson.toJson(rules.get(id(ctx)))));
        routes.put("/api/sla/rules/{id}", ctx -> ctx.json(SlaRuleJson.toJson(rules.update(id(ctx), Json.body(ctx), true))));
        routes.patch("/api/sla/rules/{id}", ctx -> ctx.json(SlaRuleJson.toJson(rules.update(id(ctx), Json.body(ctx), false))));
        routes.delete("/api/sla/rules/{id}", ctx -> {
            rules.delete(id(ctx));
            ctx.status(204);
        });
        routes.get("/api/sla/defaults", ctx -> ctx.json(SlaRuleJson.toJson(rules.defaults())));
        routes.put("/api/sla/defaults", ctx -> ctx.json(SlaRuleJson.toJson(rules.writeDefaults(Json.body(ctx)))));
        routes.post("/api/sla/preview", ctx -> ctx.json(preview.preview(Json.body(ctx))));
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "SLA rule");
    }
}
