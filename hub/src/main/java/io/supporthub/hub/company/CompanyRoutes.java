package io.supporthub.hub.company;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/companies} and {@code /api/categories}: everyone lists companies and categories; a company's card is
 * {@code CompanyAccess}'s; seniors and administrators create and change them ({@code RoutePermissions}).
 */
public final class CompanyRoutes {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final CompanyService companies;
    private final CategoryService categories;

    public CompanyRoutes(CompanyService companies, CategoryService categories) {
        this.companies = companies;
        this.categories = categories;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/companies", this::list);
        routes.post("/api/companies", ctx -> ctx.status(201).json(companies.create(Authentication.agent(ctx).id(),
                changes(Json.body(ctx)))));
        routes.get("/api/companies/{id}", ctx -> ctx.json(companies.find(id(ctx))
                .orElseThrow(() -> Refusal.notFound("no company " + id(ctx)))));
        routes.patch("/api/companies/{id}", ctx -> ctx.json(companies.change(id(ctx), Authentication.agent(ctx).id(),
                changes(Json.body(ctx)))));
        routes.get("/api/categories", ctx -> ctx.json(categories.all()));
        routes.post("/api/categories", ctx -> {
            JsonNode body = Json.body(ctx);
            ctx.status(201).json(categories.create(Json.text(body, "name"), position(body)));
        });
        routes.patch("/api/categories/{id}", ctx -> {
            JsonNode body = Json.body(ctx);
            ctx.json(categories.change(PathParams.id(ctx, "category"), Json.optText(body, "name"), position(body)));
        });
        routes.delete("/api/categories/{id}", ctx -> {
            categories.delete(PathParams.id(ctx, "category"));
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        String q = ctx.queryParam("q");
        q = q == null || q.isBlank() ? null : q.strip();
        Long categoryId = number(ctx, "categoryId");
        Long after = number(ctx, "after");
        Long limit = number(ctx, "limit");
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw Refusal.invalid("'limit' must be between 1 and " + MAX_LIMIT);
        }
        CompanyService.Page page = companies.page(q, categoryId, after, limit == null ? DEFAULT_LIMIT : limit.intValue());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        if (page.next() != null) {
            body.put("next", page.next());
        }
        ctx.json(body);
    }

    private static Long number(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("'" + name + "' must be a whole number");
        }
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "company");
    }

    private static Integer position(JsonNode body) {
        Long position = Json.optLong(body, "position");
        return position == null ? null : Math.toIntExact(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, position)));
    }

    /** The body's fields; one absent stays as it is, {@code null} clears the category, manager or notes. */
    static CompanyService.Changes changes(JsonNode body) {
        boolean managerSet = body.has("manager");
        CompanyService.ManagerRef manager = null;
        if (managerSet && !body.get("manager").isNull()) {
            JsonNode node = body.get("manager");
            if (!node.isObject()) {
                throw Refusal.invalid("'manager' must be {\"agentId\": n}, {\"groupId\": n} or null");
            }
            Long agentId = Json.optLong(node, "agentId");
            Long groupId = Json.optLong(node, "groupId");
            if ((agentId == null) == (groupId == null)) {
                throw Refusal.invalid("'manager' is an employee {\"agentId\": n} or a group {\"groupId\": n}, not both");
            }
            manager = new CompanyService.ManagerRef(agentId, groupId);
        }
        boolean categorySet = body.has("categoryId");
        return new CompanyService.Changes(Json.optText(body, "name"), texts(body, "domains"), categorySet,
                categorySet ? Json.optLong(body, "categoryId") : null, managerSet, manager, observers(body),
                texts(body, "emails"), texts(body, "phones"), body.has("notes"), Json.optText(body, "notes"),
                ids(body, "supervises"));
    }

    private static List<String> texts(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw Refusal.invalid("'" + field + "' must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw Refusal.invalid("'" + field + "' must be a list of strings");
            }
            if (!value.asText().isBlank()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    private static List<Long> ids(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw Refusal.invalid("'" + field + "' must be a list of ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw Refusal.invalid("'" + field + "' must be a list of ids");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private static List<CompanyService.ObserverRef> observers(JsonNode body) {
        JsonNode node = body.get("observers");
        if (node == null || node.isNull()) {
            return null;
        }
        String shape = "'observers' must be a list of {\"kind\": \"agent\"|\"group\", \"id\": n}";
        if (!node.isArray()) {
            throw Refusal.invalid(shape);
        }
        List<CompanyService.ObserverRef> observers = new ArrayList<>();
        for (JsonNode observer : node) {
            if (!observer.isObject()) {
                throw Refusal.invalid(shape);
            }
            String kind = Json.optText(observer, "kind");
            Long id = Json.optLong(observer, "id");
            if (id == null || !("agent".equals(kind) || "group".equals(kind))) {
                throw Refusal.invalid(shape);
            }
            observers.add(new CompanyService.ObserverRef(kind, id));
        }
        return observers;
    }
}
