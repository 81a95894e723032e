package io.supporthub.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.ticket.TicketStatus;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.supporthub.hub.catalog.CatalogList.PRIORITIES;
import static io.supporthub.hub.catalog.CatalogList.STATUSES;
import static io.supporthub.hub.catalog.CatalogList.TYPES;

/**
 * The lists admins edit: ticket types (one may be flagged internal: such tickets never notify the customer),
 * priorities, and statuses (the base states' own rows, and custom statuses, named variants of a base state). Each
 * row has a name, a colour and a position, and lists come in position order. Everyone reads them; senior specialists and admins change them.
 */
public final class CatalogRoutes {

    private final Transactions transactions;

    public CatalogRoutes(Transactions transactions) {
        this.transactions = transactions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/types", ctx -> list(ctx, TYPES));
        routes.post("/api/types", ctx -> create(ctx, TYPES, (body, name) -> given(
                "internal", Json.optBoolean(body, "internal", false), "color", CatalogValues.optColor(body))));
        routes.patch("/api/types/{id}", ctx -> edit(ctx, TYPES, (body, row) -> given(
                "internal", CatalogValues.optFlag(body, "internal"), "color", CatalogValues.optColor(body))));
        routes.delete("/api/types/{id}", ctx -> delete(ctx, TYPES));

        routes.get("/api/priorities", ctx -> list(ctx, PRIORITIES));
        routes.post("/api/priorities", ctx -> create(ctx, PRIORITIES, (body, name) -> given(
                "color", CatalogValues.optColor(body))));
        routes.patch("/api/priorities/{id}", ctx -> edit(ctx, PRIORITIES, (body, row) -> given(
                "color", CatalogValues.optColor(body))));
        routes.delete("/api/priorities/{id}", ctx -> delete(ctx, PRIORITIES));

        routes.get("/api/statuses", ctx -> list(ctx, STATUSES));
        routes.post("/api/statuses", ctx -> create(ctx, STATUSES, CatalogRoutes::newStatus));
        routes.patch("/api/statuses/{id}", ctx -> edit(ctx, STATUSES, CatalogRoutes::statusChanges));
        routes.delete("/api/statuses/{id}", ctx -> delete(ctx, STATUSES));
    }

    private void list(Context ctx, CatalogList<?> list) {
        ctx.json(transactions.read(handle -> new CatalogQueries(handle).all(list)));
    }

    /** A new row named by the body's {@code name}, with the other columns {@code columns} reads from the body. */
    private void create(Context ctx, CatalogList<?> list, BiFunction<JsonNode, String, Map<String, ?>> columns) {
        JsonNode body = Json.body(ctx);
        String name = CatalogValues.name(body);
        Map<String, ?> values = columns.apply(body, name);
        ctx.status(201).json(unique(list, name, queries -> {
            refuseTakenName(queries, list, name, 0);
            return queries.create(list, name, values);
        }));
    }

    /**
     * Changes the name, position and colour the body gives, and the other columns {@code columns} reads from it given
     * the row as it is; what the body leaves out stays.
     */
    private <T> void edit(Context ctx, CatalogList<T> list, BiFunction<JsonNode, T, Map<String, ?>> columns) {
        JsonNode body = Json.body(ctx);
        long id = id(ctx);
        String name = CatalogValues.optName(body);
        Integer position = CatalogValues.optPosition(body);
        ctx.json(unique(list, name, queries -> {
            T row = queries.find(list, id).orElseThrow(() -> Refusal.notFound("no " + list.what() + " " + id));
            Map<String, ?> values = columns.apply(body, row);
            if (name != null) {
                refuseTakenName(queries, list, name, id);
            }
            return queries.update(list, id, name, values, position).orElseThrow();
        }));
    }

    private static void refuseTakenName(CatalogQueries queries, CatalogList<?> list, String name, long id) {
        if (queries.nameTaken(list, name, id)) {
            throw Refusal.conflict("a " + list.what() + " named '" + name + "' exists already");
        }
    }

    private void delete(Context ctx, CatalogList<?> list) {
        long id = id(ctx);
        transactions.inTransaction((handle, afterCommit) -> {
            CatalogQueries queries = new CatalogQueries(handle);
            if (list == STATUSES && queries.find(STATUSES, id).map(CustomStatus::system).orElse(false)) {
                throw Refusal.conflict("a base state's status cannot be deleted; rename it instead");
            }
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

    /** A custom status: its base state from the body's {@code base}, its colour; its name must not be a base state's. */
    private static Map<String, ?> newStatus(JsonNode body, String name) {
        TicketStatus base;
        try {
            base = TicketStatus.fromWire(Json.text(body, "base"));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("'base': " + e.getMessage());
        }
        refuseBaseStateName(name, null);
        refuseFlagsOnStopping(body, base);
        Map<String, Object> values = given("color", CatalogValues.optColor(body), "pauses_sla",
                CatalogValues.optFlag(body, "pausesSla"), "counts_for_load", CatalogValues.optFlag(body, "countsForLoad"));
        values.put("base_state", base.wireName());
        return values;
    }

    /** What a status's PATCH changes; its base state never does (for a base state's own row, that is its meaning). */
    private static Map<String, ?> statusChanges(JsonNode body, CustomStatus status) {
        String base = Json.optText(body, "base");
        if (base != null && !base.equals(status.baseState())) {
            throw Refusal.invalid("a status's base state cannot be changed: make a new status of base '" + base + "'");
        }
        String name = CatalogValues.optName(body);
        if (name != null) {
            refuseBaseStateName(name, status.system() ? status.baseState() : null);
        }
        refuseFlagsOnStopping(body, TicketStatus.fromWire(status.baseState()));
        return given("color", CatalogValues.optColor(body), "pauses_sla", CatalogValues.optFlag(body, "pausesSla"),
                "counts_for_load", CatalogValues.optFlag(body, "countsForLoad"));
    }

    /** Resolved and Closed (and their variants) always stop both clocks: a flag on them would mean nothing. */
    private static void refuseFlagsOnStopping(JsonNode body, TicketStatus base) {
        if (!base.isOpenType() && (body.hasNonNull("pausesSla") || body.hasNonNull("countsForLoad"))) {
            throw Refusal.invalid("a status of base '" + base.wireName() + "' always stops both clocks (SLA and load): "
                    + "'pausesSla' and 'countsForLoad' are set on open states only");
        }
    }

    /** A status may not be named after another base state (agents set statuses by name); its own base's row may. */
    private static void refuseBaseStateName(String name, String ownBase) {
        for (TicketStatus status : TicketStatus.values()) {
            if (status.wireName().equalsIgnoreCase(name) && !status.wireName().equals(ownBase)) {
                throw Refusal.conflict("'" + name + "' is a base state already");
            }
        }
    }

    /** The pairs whose value is not null, as columns to write. */
    private static Map<String, Object> given(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                values.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return values;
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "item");
    }
}
