package io.supporthub.hub.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.web.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Records the admin changes made through the API, route by route, without the features knowing: before a listed route
 * runs, the target's JSON is read (for changes and deletions); after it answered 2xx, a row is written with the
 * target's JSON before and after (the answer, or read again). A route added later joins with one line in
 * {@link AuditedRoutes}.
 */
public final class AuditedChanges {

    private static final String BEFORE = "audit.before";

    /** Where the JSON after a change comes from. */
    enum After { ANSWER, SNAPSHOT, NONE }

    /** The current JSON of a target ({@code id} null for a singleton such as the settings), or null when none. */
    interface Snapshot {
        JsonNode of(Long id);
    }

    /**
     * One audited route. {@code snapshot} reads the target before (and, with {@link After#SNAPSHOT}, after) the change;
     * {@code passwordField} names a request field whose presence is noted ("password set"), never its value.
     */
    record Audited(HandlerType method, String path, String action, String kind, Snapshot snapshot, After after,
                   String passwordField) {

        Audited(HandlerType method, String path, String action, String kind, Snapshot snapshot, After after) {
            this(method, path, action, kind, snapshot, after, null);
        }
    }

    private final AuditLog audit;
    private final List<Audited> routes;

    public AuditedChanges(AuditLog audit, List<Audited> routes) {
        this.audit = audit;
        this.routes = List.copyOf(routes);
    }

    public void register(RoutesConfig config) {
        Set<String> paths = new LinkedHashSet<>();
        routes.forEach(route -> paths.add(route.path()));
        for (String path : paths) {
            config.before(path, ctx -> find(path, ctx.method()).ifPresent(route -> before(ctx, route)));
            config.after(path, ctx -> find(path, ctx.method()).ifPresent(route -> after(ctx, route)));
        }
    }

    private Optional<Audited> find(String path, HandlerType method) {
        return routes.stream().filter(r -> r.path().equals(path) && r.method() == method).findFirst();
    }

    private static void before(Context ctx, Audited route) {
        if (route.snapshot() != null) {
            JsonNode before = route.snapshot().of(pathId(ctx));
            if (before != null) {
                ctx.attribute(BEFORE, before.toString());
            }
        }
    }

    private void after(Context ctx, Audited route) {
        int status = ctx.statusCode();
        if (status < 200 || status >= 300) {
            return;
        }
        Agent actor = Authentication.agent(ctx);
        JsonNode answer = route.after() == After.ANSWER ? answer(ctx) : null;
        Long id = pathId(ctx);
        if (id == null && answer != null && answer.hasNonNull("id")) {
            id = answer.get("id").asLong();
        }
        String after = switch (route.after()) {
            case ANSWER -> answer == null ? null : answer.toString();
            case SNAPSHOT -> Optional.ofNullable(route.snapshot().of(id)).map(JsonNode::toString).orElse(null);
            case NONE -> null;
        };
        audit.record(new AuditRecord(actor.id(), actor.email(), route.action(),
                id == null ? route.kind() : route.kind() + ":" + id, audit.clientAddress(ctx), note(ctx, route),
                ctx.attribute(BEFORE), after));
    }

    private static String note(Context ctx, Audited route) {
        if (route.passwordField() == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(ctx.body()).hasNonNull(route.passwordField()) ? "password set" : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode answer(Context ctx) {
        String result = ctx.result();
        if (result == null || result.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(result);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Long pathId(Context ctx) {
        String id = ctx.pathParamMap().get("id");
        try {
            return id == null ? null : Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The member of a list (as the API shows it) whose {@code id} is the one given. */
    static Snapshot member(Supplier<? extends List<?>> all) {
        return id -> {
            if (id == null) {
                return null;
            }
            for (JsonNode node : Json.MAPPER.valueToTree(all.get())) {
                if (node.path("id").asLong() == id) {
                    return node;
                }
            }
            return null;
        };
    }

    /** Lists joined into one (the replies of every canned reply group). */
    static List<Object> flatten(List<? extends List<?>> lists) {
        List<Object> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }
}
