package io.supporthub.hub.live;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /api/events}: server-sent events for an agent's open pages. {@code ticket} with {@code {"ticketId"}}
 * whenever a ticket changes anywhere in the cluster; {@code mention} with {@code {"ticketId", "by", "text"}} to the
 * agent mentioned in a note; {@code watched} with {@code {"ticketId", "text"}} to each observer of a ticket the customer
 * wrote on; {@code queued} with {@code {"ticketId", "number", "subject", "group": {"id", "name"}}} to each employee on
 * the notification list of the group a ticket arrived in unassigned; {@code sla} with {@code {"ticketId", "kind",
 * "text"}} to each employee told of an SLA warning or breach notice.
 */
public final class EventStreamRoutes {

    private static final int QUEUE_LIMIT = 500;

    private final LiveUpdates live;

    public EventStreamRoutes(LiveUpdates live) {
        this.live = live;
    }

    public void register(RoutesConfig routes) {
        routes.sse("/api/events", this::stream);
    }

    /**
     * Each page's events wait in its own bounded queue and are written by this request's own thread, so one slow or
     * stalled browser never holds up the listener that serves every other page on the node. A page that falls more
     * than {@code QUEUE_LIMIT} events behind is told to reload what it shows ({@code resync}).
     */
    private void stream(SseClient client) {
        Agent agent = Authentication.agent(client.ctx());
        BlockingQueue<LiveUpdates.Event> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
        AtomicBoolean overflowed = new AtomicBoolean();
        Runnable unsubscribe = live.subscribe(event -> {
            if (!queue.offer(event)) {
                overflowed.set(true);
            }
        });
        client.onClose(unsubscribe);
        try {
            client.sendComment("connected");
            while (!client.terminated()) {
                LiveUpdates.Event event = queue.poll(30, TimeUnit.SECONDS);
                if (overflowed.getAndSet(false)) {
                    queue.clear();
                    client.sendEvent("resync", Map.of());
                } else if (event != null) {
                    write(client, agent, event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            unsubscribe.run();
        }
    }

    private static void write(SseClient client, Agent agent, LiveUpdates.Event event) {
        if (event instanceof LiveUpdates.TicketsChanged changed) {
            for (long id : changed.ticketIds()) {
                client.sendEvent("ticket", Map.of("ticketId", id));
            }
        } else if (event instanceof LiveUpdates.Mentioned mention && mention.agentId() == agent.id()) {
            client.sendEvent("mention", Map.of("ticketId", mention.ticketId(), "by", mention.by(), "text", mention.text()));
        } else if (event instanceof LiveUpdates.Watched watched && watched.agentId() == agent.id()) {
            client.sendEvent("watched", Map.of("ticketId", watched.ticketId(), "text", watched.text()));
        } else if (event instanceof LiveUpdates.Queued queued && queued.agentId() == agent.id()) {
            client.sendEvent("queued", Map.of("ticketId", queued.ticketId(), "number", queued.number(),
                    "subject", queued.subject(), "group", Map.of("id", queued.groupId(), "name", queued.groupName())));
        } else if (event instanceof LiveUpdates.SlaNotice notice && notice.agentId() == agent.id()) {
            client.sendEvent("sla", Map.of("ticketId", notice.ticketId(), "kind", notice.kind(), "text", notice.text()));
        } else if (event instanceof LiveUpdates.Heartbeat) {
            // A page that went away fails this write, which closes the client and ends the loop.
            client.sendComment("ping");
        }
    }
}
