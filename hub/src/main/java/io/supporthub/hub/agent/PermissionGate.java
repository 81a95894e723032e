package io.supporthub.hub.agent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;

import java.util.Optional;

/**
 * Holds every {@code /api/*} request to {@link RoutePermissions}: it runs once the route is matched, after
 * {@link Authentication#guardApi} found the caller, and before the route. A refusal answers 403 with the reason.
 */
public final class PermissionGate {

    private final RoutePermissions permissions;

    public PermissionGate(RoutePermissions permissions) {
        this.permissions = permissions;
    }

    public void register(RoutesConfig routes) {
        routes.beforeMatched("/api/*", this::check);
    }

    void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return;
        }
        String method = endpoint.method.name();
        Optional<Rule> rule = permissions.ruleFor(method, endpoint.path);
        if (rule.isPresent() && rule.get() == Rule.PUBLIC) {
            return;
        }
        Agent caller = Authentication.agent(ctx);
        Optional<String> refusal = permissions.refusal(caller, method, endpoint.path, ctx.pathParamMap());
        if (refusal.isPresent()) {
            throw Forbidden.because(caller, ctx.method() + " " + ctx.path(), refusal.get());
        }
    }
}
