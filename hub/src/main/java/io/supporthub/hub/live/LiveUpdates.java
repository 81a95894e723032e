package io.supporthub.hub.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.web.Json;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells agents' open pages what changed, on every node: changes are coalesced in memory for a tenth of a second and
 * published with PostgreSQL {@code NOTIFY}, so the hot path (message ingestion) only adds an id to a set; each node
 * {@code LISTEN}s on a connection of its own and hands what it hears to its local subscribers (SSE clients).
 */
public final class LiveUpdates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    static final String CHANNEL = "hub_events";
    private static final int IDS_PER_NOTIFY = 400;
    /** Streams only learn that a page went away when they write; a comment this often also keeps proxies from cutting them. */
    private static final long HEARTBEAT_SECONDS = 15;

    /** What subscribers hear: tickets that changed, and what one agent is told (mentions, watched, queued tickets). */
    public sealed interface Event permits TicketsChanged, Mentioned, Watched, Queued, SlaNotice, Heartbeat {
    }

    public record TicketsChanged(List<Long> ticketIds) implements Event {
    }

    public record Mentioned(long agentId, long ticketId, String by, String text) implements Event {
    }

    /** A customer wrote on a ticket the agent watches. */
    public record Watched(long agentId, long ticketId, String text) implements Event {
    }

    /** A ticket arrived, unassigned, in the queue of a group whose notification list the agent is on. */
    public record Queued(long agentId, long ticketId, long number, String subject, long groupId, String groupName)
            implements Event {
    }

    /** An SLA warning or breach notice for the agent ({@code kind} as {@code sla_notice} stores it), worded for them. */
    public record SlaNotice(long agentId, long ticketId, String kind, String text) implements Event {
    }

    /** Local only, not published: lets each stream write something and so find out if its page is gone. */
    public record Heartbeat() implements Event {
    }

    private final DataSource dataSource;
    private final Set<Long> pendingTickets = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Mentioned> pendingMentions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Watched> pendingWatched = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Queued> pendingQueued = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SlaNotice> pendingSla = new ConcurrentLinkedQueue<>();
    private final Set<Consumer<Event>> subscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(daemon("live-publish"));
    private volatile boolean running;
    private Thread listener;

    public LiveUpdates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void start() {
        running = true;
        publisher.scheduleWithFixedDelay(this::flush, 100, 100, TimeUnit.MILLISECONDS);
        publisher.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        listener = daemon("live-listen").newThread(this::listen);
        listener.start();
    }

    /** A ticket changed (called after commit). */
    public void ticketChanged(long ticketId) {
        pendingTickets.add(ticketId);
    }

    public void mentioned(long agentId, long ticketId, String by, String text) {
        pendingMentions.add(new Mentioned(agentId, ticketId, by, text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }

    public void watchedMessage(long agentId, long ticketId, String text) {
        pendingWatched.add(new Watched(agentId, ticketId, text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }

    public void queued(long agentId, long ticketId, long number, String subject, long groupId, String groupName) {
        pendingQueued.add(new Queued(agentId, ticketId, number, subject, groupId, groupName));
    }

    public void slaNotice(long agentId, long ticketId, String kind, String text) {
        pendingSla.add(new SlaNotice(agentId, ticketId, kind, text));
    }

    public Runnable subscribe(Consumer<Event> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    void heartbeat() {
        tell(new Heartbeat());
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Publishes what gathered since the last flush; on a database error it is kept for the next one. */
    void flush() {
        if (pendingTickets.isEmpty() && pendingMentions.isEmpty() && pendingWatched.isEmpty() && pendingQueued.isEmpty()
                && pendingSla.isEmpty()) {
            return;
        }
        // Taken out one by one, so a change that arrives while this flush runs stays pending for the next one.
        List<Long> ids = new ArrayList<>();
        for (Iterator<Long> pending = pendingTickets.iterator(); pending.hasNext(); ) {
            ids.add(pending.next());
            pending.remove();
        }
        List<Mentioned> mentions = new ArrayList<>();
        for (Mentioned mention = pendingMentions.poll(); mention != null; mention = pendingMentions.poll()) {
            mentions.add(mention);
        }
        List<Watched> watched = new ArrayList<>();
        for (Watched one = pendingWatched.poll(); one != null; one = pendingWatched.poll()) {
            watched.add(one);
        }
        List<Queued> queued = new ArrayList<>();
        for (Queued one = pendingQueued.poll(); one != null; one = pendingQueued.poll()) {
            queued.add(one);
        }
        List<SlaNotice> sla = new ArrayList<>();
        for (SlaNotice one = pendingSla.poll(); one != null; one = pendingSla.poll()) {
            sla.add(one);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
            for (int from = 0; from < ids.size(); from += IDS_PER_NOTIFY) {
                notify.setString(1, Json.MAPPER.writeValueAsString(Map.of("tickets", ids.subList(from, Math.min(ids.size(), from + IDS_PER_NOTIFY)))));
                notify.execute();
            }
            for (Mentioned mention : mentions) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("agentId", mention.agentId());
                payload.put("ticketId", mention.ticketId());
                payload.put("by", mention.by());
                payload.put("text", mention.text());
                notify.setString(1, Json.MAPPER.writeValueAsString(Map.of("mention", payload)));
                notify.execute();
            }
            for (Watched one : watched) {
                notify.setString(1, Json.MAPPER.writeValueAsString(Map.of("watched",
                        Map.of("agentId", one.agentId(), "ticketId", one.ticketId(), "text", one.text()))));
                notify.execute();
            }
            for (Queued one : queued) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("agentId", one.agentId());
                payload.put("ticketId", one.ticketId());
                payload.put("number", one.number());
                payload.put("subject", one.subject());
                payload.put("groupId", one.groupId());
                payload.put("groupName", one.groupName());
                notify.setString(1, Json.MAPPER.writeValueAsString(Map.of("queued", payload)));
                notify.execute();
            }
            for (SlaNotice one : sla) {
                notify.setString(1, Json.MAPPER.writeValueAsString(Map.of("sla", Map.of("agentId", one.agentId(),
                        "ticketId", one.ticketId(), "kind", one.kind(), "text", one.text()))));
                notify.execute();
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            pendingTickets.addAll(ids);
            pendingMentions.addAll(mentions);
            pendingWatched.addAll(watched);
            pendingQueued.addAll(queued);
            pendingSla.addAll(sla);
            log.warn("Live updates could not be published (kept for the next try): {}", e.getMessage());
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Live updates listener lost its connection, reconnecting: {}", e.getMessage());
                    sleep(2000);
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            JsonNode node = Json.MAPPER.readTree(payload);
            Event event;
            if (node.has("tickets")) {
                List<Long> ids = new ArrayList<>();
                node.get("tickets").forEach(id -> ids.add(id.asLong()));
                event = new TicketsChanged(ids);
            } else if (node.has("mention")) {
                JsonNode m = node.get("mention");
                event = new Mentioned(m.get("agentId").asLong(), m.get("ticketId").asLong(), m.get("by").asText(), m.get("text").asText());
            } else if (node.has("watched")) {
                JsonNode w = node.get("watched");
                event = new Watched(w.get("agentId").asLong(), w.get("ticketId").asLong(), w.get("text").asText());
            } else if (node.has("queued")) {
                JsonNode q = node.get("queued");
                event = new Queued(q.get("agentId").asLong(), q.get("ticketId").asLong(), q.get("number").asLong(),
                        q.get("subject").asText(), q.get("groupId").asLong(), q.get("groupName").asText());
            } else if (node.has("sla")) {
                JsonNode n = node.get("sla");
                event = new SlaNotice(n.get("agentId").asLong(), n.get("ticketId").asLong(), n.get("kind").asText(),
                        n.get("text").asText());
            } else {
                return;
            }
            tell(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn("Unreadable live-update payload ignored: {}", e.getOriginalMessage());
        }
    }

    private void tell(Event event) {
        for (Consumer<Event> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.debug("A live-update subscriber failed: {}", e.toString());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        running = false;
        flush();
        publisher.shutdownNow();
        if (listener != null) {
            listener.interrupt();
        }
    }
}
