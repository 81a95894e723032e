package io.supporthub.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.ticket.TicketStatus;
import io.supporthub.hub.web.ApiException;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;
import org.jdbi.v3.core.Handle;




/**
 * The lists admins edit: ticket types (one may be flagged internal: such tickets never notify the customer),
 * priorities, and custom statuses (named variants of a base state). Everyone reads them; admins change them.
 */
public final class CatalogRoutes {

    public record TicketType(long id, String name, boolean internal, int position) {
    }

    public record Priority(long id, String name, int position) {
    }

    public record CustomStatus(long id, String name, String baseState) {
    }

    private final Transactions transactions;

    public CatalogRoutes(Transactions transactions) {
        this.transactions = transactions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/types", ctx -> ctx.json(transactions.read(h -> h.createQuery(
                "select id, name, internal, position from ticket_type order by position, id").mapTo(TicketType.class).list())));
        routes.post("/api/types", this::createType);
        routes.patch("/api/types/{id}", this::updateType);
        routes.delete("/api/types/{id}", ctx -> delete(ctx, "ticket_type", "type_id", "type"));

        routes.get("/api/priorities", ctx -> ctx.json(transactions.read(h -> h.createQuery(
                "select id, name, position from ticket_priority order by position, id").mapTo(Priority.class).list())));
        routes.post("/api/priorities", this::createPriority);
        routes.patch("/api/priorities/{id}", this::updatePriority);
        routes.delete("/api/priorities/{id}", ctx -> delete(ctx, "ticket_priority", "priority_id", "priority"));

        routes.get("/api/statuses", ctx -> ctx.json(transactions.read(h -> h.createQuery(
                "select id, name, base_state from custom_status order by base_state, name").mapTo(CustomStatus.class).list())));
        routes.post("/api/statuses", this::createStatus);
        routes.delete("/api/statuses/{id}", ctx -> delete(ctx, "custom_status", "custom_status_id", "status"));
    }

    private void createType(Context ctx) {
        Authentication.admin(ctx);
        JsonNode body = Json.body(ctx);
        String name = name(body);
        boolean internal = Json.optBoolean(body, "internal", false);
        ctx.status(201).json(insertUnique(name, "type", h -> h.createQuery("insert into ticket_type (name, internal, position) "
                        + "values (:name, :internal, coalesce((select max(position) from ticket_type), 0) + 1) returning id, name, internal, position")
                .bind("name", name).bind("internal", internal).mapTo(TicketType.class).one()));
    }

    private void updateType(Context ctx) {
        Authentication.admin(ctx);
        JsonNode body = Json.body(ctx);
        long id = id(ctx);
        String name = Json.optText(body, "name");
        Long position = Json.optLong(body, "position");
        Boolean internal = body.has("internal") ? Json.optBoolean(body, "internal", false) : null;
        ctx.json(insertUnique(name, "type", h -> h.createQuery("update ticket_type set name = coalesce(:name, name), "
                        + "internal = coalesce(:internal, internal), position = coalesce(:position, position) where id = :id "
                        + "returning id, name, internal, position")
                .bind("id", id).bind("name", name == null ? null : name.strip()).bind("internal", internal)
                .bind("position", position == null ? null : position.intValue())
                .mapTo(TicketType.class).findOne().orElseThrow(() -> ApiException.notFound("no type " + id))));
    }

    private void createPriority(Context ctx) {
        Authentication.admin(ctx);
        String name = name(Json.body(ctx));
        ctx.status(201).json(insertUnique(name, "priority", h -> h.createQuery("insert into ticket_priority (name, position) "
                        + "values (:name, coalesce((select max(position) from ticket_priority), 0) + 1) returning id, name, position")
                .bind("name", name).mapTo(Priority.class).one()));
    }

    private void updatePriority(Context ctx) {
        Authentication.admin(ctx);
        JsonNode body = Json.body(ctx);
        long id = id(ctx);
        String name = Json.optText(body, "name");
        Long position = Json.optLong(body, "position");
        ctx.json(insertUnique(name, "priority", h -> h.createQuery("update ticket_priority set name = coalesce(:name, name), "
                        + "position = coalesce(:position, position) where id = :id returning id, name, position")
                .bind("id", id).bind("name", name == null ? null : name.strip())
                .bind("position", position == null ? null : position.intValue())
                .mapTo(Priority.class).findOne().orElseThrow(() -> ApiException.notFound("no priority " + id))));
    }

    private void createStatus(Context ctx) {
        Authentication.admin(ctx);
        JsonNode body = Json.body(ctx);
        String name = name(body);
        TicketStatus base;
        try {
            base = TicketStatus.fromWire(Json.text(body, "base"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'base': " + e.getMessage());
        }
        for (TicketStatus status : TicketStatus.values()) {
            if (status.wireName().equalsIgnoreCase(name)) {
                throw ApiException.conflict("'" + name + "' is a base state already");
            }
        }
        ctx.status(201).json(insertUnique(name, "status", h -> h.createQuery("insert into custom_status (name, base_state) "
                        + "values (:name, :base) returning id, name, base_state")
                .bind("name", name).bind("base", base.wireName()).mapTo(CustomStatus.class).one()));
    }

    private void delete(Context ctx, String table, String ticketColumn, String what) {
        Authentication.admin(ctx);
        long id = id(ctx);
        transactions.inTransaction((handle, afterCommit) -> {
            long inUse = handle.createQuery("select count(*) from ticket where " + ticketColumn + " = :id")
                    .bind("id", id).mapTo(Long.class).one();
            if (inUse > 0) {
                throw ApiException.conflict("the " + what + " is used by " + inUse + " ticket(s); change them first");
            }
            if (handle.createUpdate("delete from " + table + " where id = :id").bind("id", id).execute() == 0) {
                throw ApiException.notFound("no " + what + " " + id);
            }
            return null;
        });
        ctx.status(204);
    }

    private <T> T insertUnique(String name, String what, java.util.function.Function<Handle, T> work) {
        try {
            return transactions.inTransaction((handle, afterCommit) -> work.apply(handle));
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("duplicate key")) {
                throw ApiException.conflict("a " + what + " named '" + name + "' exists already");
            }
            throw e;
        }
    }

    private static String name(JsonNode body) {
        String name = Json.text(body, "name").strip();
        if (name.isEmpty() || name.length() > 60) {
            throw ApiException.badRequest("'name' must be 1 to 60 characters");
        }
        return name;
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "item");
    }

}
