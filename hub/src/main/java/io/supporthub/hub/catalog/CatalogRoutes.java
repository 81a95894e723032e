package io.supporthub.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.ticket.TicketStatus;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.supporthub.hub.catalog.CatalogList.PRIORITIES;
import static io.supporthub.hub.catalog.CatalogList.STATUSES;
import static io.supporthub.hub.catalog.CatalogList.TYPES;

/**
 * The lists admins edit: ticket types (one may be flagged internal: such tickets never notify the customer),
 * priorities, and custom statuses (named variants of a base state). Everyone reads them; admins change them.
 */
public final class CatalogRoutes {

    private final Transactions transactions;

    public CatalogRoutes(Transactions transactions) {
        this.transactions = transactions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/types", ctx -> list(ctx, TYPES));
        routes.post("/api/types", ctx -> create(ctx, TYPES, (body, name) -> Map.of("internal",
                Json.optBoolean(body, "internal", false))));
        routes.patch("/api/types/{id}", ctx -> edit(ctx, TYPES, body -> body.has("internal")
                ? Map.of("internal", Json.optBoolean(body, "internal", false)) : Map.of()));
        routes.delete("/api/types/{id}", ctx -> delete(ctx, TYPES));

        routes.get("/api/priorities", ctx -> list(ctx, PRIORITIES));
        routes.post("/api/priorities", ctx -> create(ctx, PRIORITIES, (body, name) -> Map.of()));
        routes.patch("/api/priorities/{id}", ctx -> edit(ctx, PRIORITIES, body -> Map.of()));
        routes.delete("/api/priorities/{id}", ctx -> delete(ctx, PRIORITIES));

        routes.get("/api/statuses", ctx -> list(ctx, STATUSES));
        routes.post("/api/statuses", ctx -> create(ctx, STATUSES, CatalogRoutes::baseState));
        routes.delete("/api/statuses/{id}", ctx -> delete(ctx, STATUSES));
    }

    private void list(Context ctx, CatalogList<?> list) {
        ctx.json(transactions.read(handle -> new CatalogQueries(handle).all(list)));
    }

    /** A new row named by the body's {@code name}, with the other columns {@code columns} reads from the body. */
    private void create(Context ctx, CatalogList<?> list, BiFunction<JsonNode, String, Map<String, ?>> columns) {
        Authentication.admin(ctx);
        JsonNode body = Json.body(ctx);
        String name = name(body);
        Map<String, ?> values = columns.apply(body, name);
        ctx.status(201).json(unique(list, name, queries -> queries.create(list, name, values)));
    }

    /** Changes the name and position the body gives, and the other columns {@code columns} reads from it. */
    private void edit(Context ctx, CatalogList<?> list, Function<JsonNode, Map<String, ?>> columns) {
        Authentication.admin(ctx);
        JsonNode body = Json.body(ctx);
        long id = id(ctx);
        String name = Json.optText(body, "name");
        Long position = Json.optLong(body, "position");
        Map<String, ?> values = columns.apply(body);
        ctx.json(unique(list, name, queries -> queries.update(list, id, name == null ? null : name.strip(), values,
                        position == null ? null : position.intValue())
                .orElseThrow(() -> Refusal.notFound("no " + list.what() + " " + id))));
    }

    private void delete(Context ctx, CatalogList<?> list) {
        Authentication.admin(ctx);
        long id = id(ctx);
        transactions.inTransaction((handle, afterCommit) -> {
            CatalogQueries queries = new CatalogQueries(handle);
            long inUse = queries.ticketsUsing(list, id);
            if (inUse > 0) {
                throw Refusal.conflict("the " + list.what() + " is used by " + inUse + " ticket(s); change them first");
            }
            if (!queries.delete(list, id)) {
                throw Refusal.notFound("no " + list.what() + " " + id);
            }
            return null;
        });
        ctx.status(204);
    }

    /** Runs the write in a transaction; a name taken already is a conflict. */
    private <T> T unique(CatalogList<?> list, String name, Function<CatalogQueries, T> write) {
        try {
            return transactions.inTransaction((handle, afterCommit) -> write.apply(new CatalogQueries(handle)));
        } catch (UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("duplicate key")) {
                throw Refusal.conflict("a " + list.what() + " named '" + name + "' exists already");
            }
            throw e;
        }
    }

    /** A custom status's base state, from the body's {@code base}; its name must not be a base state's. */
    private static Map<String, ?> baseState(JsonNode body, String name) {
        TicketStatus base;
        try {
            base = TicketStatus.fromWire(Json.text(body, "base"));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("'base': " + e.getMessage());
        }
        for (TicketStatus status : TicketStatus.values()) {
            if (status.wireName().equalsIgnoreCase(name)) {
                throw Refusal.conflict("'" + name + "' is a base state already");
            }
        }
        return Map.of("base_state", base.wireName());
    }

    private static String name(JsonNode body) {
        String name = Json.text(body, "name").strip();
        if (name.isEmpty() || name.length() > 60) {
            throw Refusal.invalid("'name' must be 1 to 60 characters");
        }
        return name;
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "item");
    }
}
