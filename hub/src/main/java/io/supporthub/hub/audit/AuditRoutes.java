package io.supporthub.hub.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code GET /api/audit}: the audit log, newest first, filtered as {@link AuditFilters} reads, for admins only. */
public final class AuditRoutes {

    private final AuditLog audit;

    public AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/audit", this::list);
    }

    private void list(Context ctx) {
        AuditFilter filter = AuditFilters.from(queryParams(ctx));
        List<AuditEntry> page = audit.page(filter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page);
        body.put("next", page.size() == filter.limit() ? String.valueOf(page.get(page.size() - 1).id()) : null);
        ctx.json(body);
    }

    /** The first value of each query parameter. */
    public static Map<String, String> queryParams(Context ctx) {
        return ctx.queryParamMap().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    }
}
