package io.supporthub.hub.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.SendException;
import io.supporthub.hub.support.RecordingSender;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    static TestHub hub;
    static RecordingSender email;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        email = hub.senders.get(ChannelKind.EMAIL);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void logIn() {
        hub.logIn();
    }

    private long ticket(String externalId) {
        return hub.inbound(externalId, "Cy", externalId + "@example.com", "Help").json().get("ticketId").asLong();
    }

    private JsonNode lastMessage(long ticketId) {
        JsonNode messages = hub.get("/api/tickets/" + ticketId).json().get("messages");
        return messages.get(messages.size() - 1);
    }

    private long outboxRows() {
        return hub.app.transactions().read(h -> h.createQuery("select count(*) from outbox").mapTo(Long.class).one());
    }

    @Test
    void passingFailure_isRetriedWithBackoff_thenSent() {
        long id = ticket("ob-1");
        hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Answer"));
        email.failNext(SendException.retryable("connection reset", null));
        hub.drainOutbox();
        assertThat(lastMessage(id).get("deliveryState").asText()).isEqualTo("queued");
        assertThat(hub.drainOutbox()).as("not due before the backoff").isZero();
        hub.clock.advance(Duration.ofSeconds(10));
        assertThat(hub.drainOutbox()).isEqualTo(1);
        assertThat(lastMessage(id).get("deliveryState").asText()).isEqualTo("sent");
        assertThat(outboxRows()).isZero();
    }

    @Test
    void failingEveryAttempt_marksTheMessageFailedWithTheReason() {
        long id = ticket("ob-2");
        hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Answer"));
        email.failNext(SendException.retryable("timeout 1", null), SendException.retryable("timeout 2", null),
                SendException.retryable("timeout 3", null));
        for (int i = 0; i < 3; i++) {
            hub.drainOutbox();
            hub.clock.advance(Duration.ofMinutes(5));
        }
        JsonNode message = lastMessage(id);
        assertThat(message.get("deliveryState").asText()).isEqualTo("failed");
        assertThat(message.get("deliveryError").asText()).contains("gave up after 3 attempts").contains("timeout 3");
        assertThat(outboxRows()).isZero();
    }

    @Test
    void finalRefusal_failsAtOnce_andUnreachableMarksTheAddress() {
        long id = ticket("ob-3");
        hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Answer"));
        email.failNext(SendException.unreachable("mailbox does not exist"));
        hub.drainOutbox();
        assertThat(lastMessage(id).get("deliveryState").asText()).isEqualTo("failed");
        JsonNode address = hub.get("/api/tickets/" + id).json().get("contact").get("addresses").get(0);
        assertThat(address.get("reachable").asBoolean()).isFalse();
        assertThat(address.get("unreachableReason").asText()).isEqualTo("mailbox does not exist");
        TestHub.Response refused = hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Again"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("cannot be reached").contains("mailbox does not exist");
    }

    @Test
    void rateLimit_waitsAsAskedWithoutCountingAnAttempt() {
        long id = ticket("ob-4");
        hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Answer"));
        email.failNext(SendException.rateLimited("slow down", Duration.ofSeconds(30)));
        hub.drainOutbox();
        hub.clock.advance(Duration.ofSeconds(29));
        assertThat(hub.drainOutbox()).isZero();
        hub.clock.advance(Duration.ofSeconds(1));
        assertThat(hub.drainOutbox()).isEqualTo(1);
        assertThat(lastMessage(id).get("deliveryState").asText()).isEqualTo("sent");
    }

    @Test
    void aMessageThatCannotBePrepared_failsOnce_insteadOfBlockingTheQueue() {
        long id = ticket("ob-6");
        hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Answer"));
        hub.app.transactions().inTransaction((h, after) -> h.createUpdate(
                "update message set buttons = '\"not a list\"'::jsonb where ticket_id = :id and direction = 'out'")
                .bind("id", id).execute());
        assertThat(hub.drainOutbox()).isEqualTo(1);
        JsonNode message = lastMessage(id);
        assertThat(message.get("deliveryState").asText()).isEqualTo("failed");
        assertThat(message.get("deliveryError").asText()).contains("could not be prepared");
        assertThat(outboxRows()).isZero();
    }

    @Test
    void messagesToOneCustomer_goOutInTheOrderTheyWereWritten_evenWhenTheFirstIsRetried() {
        long id = ticket("ob-7");
        hub.drainOutbox();
        int before = email.sent().size();
        hub.post("/api/tickets/" + id + "/replies", Map.of("text", "First"));
        hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Second"));
        email.failNext(SendException.retryable("timeout", null));
        hub.drainOutbox();
        assertThat(email.sent()).hasSize(before);
        hub.clock.advance(Duration.ofSeconds(10));
        hub.drainOutbox();
        assertThat(email.sent().subList(before, email.sent().size())).extracting(m -> m.text()).containsExactly("First", "Second");
    }

    @Test
    void internalNote_neverEntersTheOutbox() {
        long id = ticket("ob-5");
        hub.drainOutbox();
        int before = email.sent().size();
        assertThat(hub.post("/api/tickets/" + id + "/notes", Map.of("text", "Customer is a VIP")).status()).isEqualTo(201);
        assertThat(outboxRows()).isZero();
        assertThat(hub.drainOutbox()).isZero();
        assertThat(email.sent()).hasSize(before);
        assertThat(lastMessage(id).get("visibility").asText()).isEqualTo("internal");
    }

    @Test
    void concurrentDispatchers_sendEachMessageOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            long id = ticket("ob-c" + i);
            hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Bulk " + i));
        }
        int before = email.sent().size();
        Thread[] workers = new Thread[4];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(hub::drainOutbox);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(email.sent().size() - before).isEqualTo(20);
        assertThat(email.sent().stream().map(m -> m.messageId()).distinct().count()).isEqualTo(email.sent().size());
    }

    @Test
    void anInternalNote_queuedBehindTheOutboxsBack_isNeverSent() {
        long id = ticket("ob-note");
        long noteId = hub.post("/api/tickets/" + id + "/notes", Map.of("text", "Refund approved, do not tell yet"))
                .json().get("messageId").asLong();
        // Whatever a caller does: an outbox row written straight to the table, pointing at the note.
        hub.app.transactions().read(h -> h.createUpdate("insert into outbox (message_id, channel, next_attempt_at, created_at) "
                + "values (:id, 'email', :now, :now)").bind("id", noteId).bind("now", hub.clock.instant()).execute());
        int before = email.sent().size();

        hub.drainOutbox();

        assertThat(email.sent().size() - before).as("messages sent").isZero();
        assertThat(email.sent()).noneMatch(m -> m.messageId() == noteId || m.text().contains("Refund approved"));
        assertThat(outboxRows()).as("the refused row is dropped").isZero();
        JsonNode note = lastMessage(id);
        assertThat(note.get("visibility").asText()).isEqualTo("internal");
        assertThat(note.get("deliveryState").isNull()).as("the note is left as it was").isTrue();
    }
}
