package io.supporthub.hub.cluster;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * An agent working through the load balancer while customers write: replies on every channel (a share of them by SMS),
 * tickets postponed and resolved. A request cut off by the kill may still have been committed, so before trying again
 * the agent looks, as a person would reload the page, whether it took effect.
 */
final class AgentWork {

    /** A reply the hub accepted: its text (unique), ticket, channel, the node that answered and when. */
    record Reply(String text, long ticketId, String channel, String node, Instant at) {
    }

    private static final List<String> OTHER_CHANNELS = List.of("api", "telegram", "viber", "email");

    final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final LoadBalancer balancer;
    private final ClusterDatabase database;
    private final String cookie;
    private int replyNumber;

    AgentWork(LoadBalancer balancer, ClusterDatabase database, String cookie) {
        this.balancer = balancer;
        this.database = database;
        this.cookie = cookie;
    }

    /** {@code count} replies spread over {@code duration}, {@code bySms} of them on SMS tickets, the rest round the other channels. */
    void reply(int count, int bySms, Duration duration) throws InterruptedException {
        long pause = duration.toMillis() / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            replyOn(channelOf(i, count, bySms), Instant.now().plus(Duration.ofMinutes(1)));
            Thread.sleep(pause);
        }
    }

    /** The channel of reply {@code i} of {@code count}: SMS for {@code bySms} of them spread evenly, else in turn. */
    private static String channelOf(int i, int count, int bySms) {
        boolean sms = (long) (i + 1) * bySms / count > (long) i * bySms / count;
        return sms ? "sms" : OTHER_CHANNELS.get(i % OTHER_CHANNELS.size());
    }

    private void replyOn(String channel, Instant deadline) throws InterruptedException {
        Optional<Long> ticket = database.ticketToAnswer(channel);
        while (ticket.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            ticket = database.ticketToAnswer(channel);
        }
        long id = ticket.orElseThrow(() -> new IllegalStateException("no " + channel + " ticket to answer"));
        String text = "Agent reply R" + (++replyNumber) + " on " + channel;
        String node = act(base -> json(base, "/api/tickets/" + id + "/replies", Map.of("text", text)),
                () -> database.hasMessage(text));
        replies.add(new Reply(text, id, channel, node, Instant.now()));
    }

    /** A reply through one node, bypassing the balancer (the page of an agent connected to it). */
    Reply replyThrough(HubNode node, long ticketId, String channel) throws InterruptedException {
        String text = "Agent reply R" + (++replyNumber) + " through " + node.name;
        LoadBalancer.Answer answer = balancer.sendTo(node, base -> json(base, "/api/tickets/" + ticketId + "/replies",
                Map.of("text", text))).orElseThrow(() -> new IllegalStateException(node.name + " did not answer"));
        require(answer, "reply");
        Reply reply = new Reply(text, ticketId, channel, node.name, Instant.now());
        replies.add(reply);
        return reply;
    }

    void postpone(long ticketId, Instant until) throws InterruptedException {
        act(base -> json(base, "/api/tickets/" + ticketId + "/status", Map.of("status", "postponed", "until", until.toString())),
                () -> database.status(ticketId).equals("postponed"));
    }

    void resolve(long ticketId) throws InterruptedException {
        act(base -> json(base, "/api/tickets/" + ticketId + "/status", Map.of("status", "resolved")),
                () -> database.status(ticketId).equals("resolved"));
    }

    /** Tries node after node until one answers, or until the effect is found done; returns the answering node ("?" when unknown). */
    private String act(Function<URI, HttpRequest> request, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            Optional<LoadBalancer.Answer> answer = balancer.sendOnce(request);
            if (answer.isPresent()) {
                require(answer.get(), "agent request");
                return answer.get().node().name;
            }
            if (done.getAsBoolean()) {
                return "?";
            }
        }
        throw new IllegalStateException("no node took the agent's request for a minute");
    }

    private static void require(LoadBalancer.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " refused by " + answer.node().name + ": " + answer.status() + " " + answer.body());
        }
    }

    private HttpRequest json(URI base, String path, Map<String, String> body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(ProviderRequests.json(body))).build();
    }
}
