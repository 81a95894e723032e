package io.supporthub.hub.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.observer.Observer;
import io.supporthub.hub.web.Json;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/tickets/{id}/observers} and {@code /api/tickets/{id}/watch}. Adding an observer already there answers
 * 200 with the list unchanged, a new one 201; removing one who is not there answers 200 too.
 */
public final class ObserverRoutes {

    private final ObserverService observers;

    public ObserverRoutes(ObserverService observers) {
        this.observers = observers;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/tickets/{id}/observers", this::list);
        routes.post("/api/tickets/{id}/observers", this::add);
        routes.delete("/api/tickets/{id}/observers/{kind}/{observerId}", this::remove);
        routes.post("/api/tickets/{id}/watch", this::watch);
        routes.delete("/api/tickets/{id}/watch", this::unwatch);
    }

    private void list(Context ctx) {
        respond(ctx, 200, observers.of(TicketRoutes.id(ctx)));
    }

    private void add(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        JsonNode body = Json.body(ctx);
        Long agentId = Json.optLong(body, "agentId");
        Long groupId = Json.optLong(body, "groupId");
        if ((agentId == null) == (groupId == null)) {
            throw Refusal.invalid("give exactly one of 'agentId' or 'groupId'");
        }
        long ticketId = TicketRoutes.id(ctx);
        String kind = agentId != null ? Observer.AGENT : Observer.GROUP;
        long id = agentId != null ? agentId : groupId;
        ObserverService.Change change = observers.add(ticketId, kind, id, agent);
        respond(ctx, change.changed() ? 201 : 200, change.observers());
    }

    private void remove(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        long observerId;
        try {
            observerId = Long.parseLong(ctx.pathParam("observerId"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("no " + ctx.pathParam("kind") + " '" + ctx.pathParam("observerId") + "'");
        }
        respond(ctx, 200, observers.remove(TicketRoutes.id(ctx), ctx.pathParam("kind"), observerId, agent).observers());
    }

    private void watch(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        respond(ctx, 200, observers.add(TicketRoutes.id(ctx), Observer.AGENT, agent.id(), agent).observers());
    }

    private void unwatch(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        respond(ctx, 200, observers.remove(TicketRoutes.id(ctx), Observer.AGENT, agent.id(), agent).observers());
    }

    private static void respond(Context ctx, int status, List<Observer> list) {
        ctx.status(status).json(Map.of("items", list));
    }
}
