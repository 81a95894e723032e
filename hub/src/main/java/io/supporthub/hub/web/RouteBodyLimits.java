package io.supporthub.hub.web;

import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;

import java.util.List;

/**
 * The {@link BodyLimit} of the route a request goes to, looked up in Javalin's own router (so a route's limit is
 * declared once, with the route); {@link BodyLimit#JSON} for routes that declare none and for paths no route takes.
 */
public final class RouteBodyLimits {

    private final JavalinState javalin;

    public RouteBodyLimits(JavalinState javalin) {
        this.javalin = javalin;
    }

    public long limitFor(String method, String path) {
        HandlerType type = HandlerType.findOrDefault(method);
        if (type == null || !type.isHttpMethod()) {
            return BodyLimit.JSON.bytes();
        }
        return javalin.internalRouter.findHttpHandlerEntries(type, path).stream()
                .map(entry -> entry.endpoint.metadata(BodyLimit.class))
                .filter(java.util.Objects::nonNull)
                .mapToLong(BodyLimit::bytes)
                .findFirst()
                .orElse(BodyLimit.JSON.bytes());
    }

    /** Every endpoint the app serves, as Javalin registered it (the tests walk them all). */
    public List<Endpoint> endpoints() {
        return javalin.internalRouter.allHttpHandlers().stream().map((ParsedEndpoint parsed) -> parsed.endpoint).toList();
    }
}
