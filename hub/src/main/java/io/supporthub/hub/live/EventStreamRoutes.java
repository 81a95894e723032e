package io.supporthub.hub.live;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;

import java.util.Map;

/**
 * {@code GET /api/events}: server-sent events for an agent's open pages. {@code ticket} with {@code {"ticketId"}}
 * whenever a ticket changes anywhere in the cluster; {@code mention} with {@code {"ticketId", "by", "text"}} to the
 * agent mentioned in a note.
 */
public final class EventStreamRoutes {

    private final LiveUpdates live;

    public EventStreamRoutes(LiveUpdates live) {
        this.live = live;
    }

    public void register(RoutesConfig routes) {
        routes.sse("/api/events", this::stream);
    }

    private void stream(SseClient client) {
        Agent agent = Authentication.agent(client.ctx());
        Runnable unsubscribe = live.subscribe(event -> {
            if (client.terminated()) {
                return;
            }
            if (event instanceof LiveUpdates.TicketsChanged changed) {
                for (long id : changed.ticketIds()) {
                    client.sendEvent("ticket", Map.of("ticketId", id));
                }
            } else if (event instanceof LiveUpdates.Mentioned mention && mention.agentId() == agent.id()) {
                client.sendEvent("mention", Map.of("ticketId", mention.ticketId(), "by", mention.by(), "text", mention.text()));
            } else if (event instanceof LiveUpdates.Heartbeat) {
                // A page that went away fails this write, which closes the client and unsubscribes it.
                client.sendComment("ping");
            }
        });
        client.onClose(unsubscribe);
        client.sendComment("connected");
        // Blocks this request's thread until the client goes away.
        client.keepAlive();
    }
}
