package io.supporthub.hub.outage;

import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.support.TestHub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent answering tickets in turn, a reply every {@link #BETWEEN_REPLIES}, on a thread of its own. A reply the
 * API took (201) is queued in the outbox and must reach the customer; one it refused with a 503 was never queued.
 */
final class AgentReplies {

    /** A ticket to answer, on the channel its customer wrote on. */
    record Conversation(long ticketId, ChannelKind channel, String address) {
    }

    /** A reply the hub queued: its message id and text, and where it goes. */
    record Queued(long messageId, String text, Conversation conversation) {
    }

    static final Duration BETWEEN_REPLIES = Duration.ofMillis(300);

    final List<Queued> queued = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    final AtomicInteger unavailable = new AtomicInteger();
    private final TestHub hub;
    private final List<Conversation> conversations;
    private final Thread thread;
    private volatile boolean replying = true;

    AgentReplies(TestHub hub, List<Conversation> conversations) {
        this.hub = hub;
        this.conversations = List.copyOf(conversations);
        this.thread = new Thread(this::run, "agent replies");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        replying = false;
        thread.join(30_000);
    }

    private void run() {
        try {
            for (int n = 1; replying; n++) {
                Conversation conversation = conversations.get(n % conversations.size());
                reply(conversation, "Agent reply " + n + " on " + conversation.channel().wireName());
                Thread.sleep(BETWEEN_REPLIES.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One reply, besides those of the thread. */
    void reply(Conversation conversation, String text) {
        try {
            TestHub.Response response = hub.post("/api/tickets/" + conversation.ticketId() + "/replies",
                    Map.of("text", text));
            if (response.status() == 201) {
                queued.add(new Queued(response.json().get("messageId").asLong(), text, conversation));
            } else if (response.status() == 503) {
                unavailable.incrementAndGet();
            } else {
                problems.add(text + " answered " + response.status() + ": " + response.body());
            }
        } catch (IllegalStateException e) {
            problems.add(text + " got no answer: " + e.getMessage());
        }
    }
}
