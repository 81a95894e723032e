package io.supporthub.hub.outbox;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendResult;
import io.supporthub.hub.outbox.OutboxQueries.Row;
import io.supporthub.hub.support.RecordingSender;
import io.supporthub.hub.support.TcpProxy;
import io.supporthub.hub.support.TestHub;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away while the outcome of a send is being written (a {@link TcpProxy} drops the connection in the
 * middle of the outcome's transaction) and comes back a little later: the outcome is written then, the message is
 * sent once and leaves the outbox, so the customer's next messages are not held behind it.
 */
@Tag("serial")
class OutcomeAcrossDatabaseCutTest {

    private static final Duration CUT = Duration.ofSeconds(2);

    private TcpProxy proxy;
    private TestHub hub;
    private RecordingSender email;

    @BeforeEach
    void start() {
        proxy = TcpProxy.inFrontOfFreshDatabase();
        hub = new TestHub(proxy.jdbcUrl(), Map.of(), false, Instant.parse("2026-11-02T09:00:00Z"), Set.of());
        email = hub.senders.get(ChannelKind.EMAIL);
        hub.logIn();
    }

    @AfterEach
    void stop() {
        hub.close();
        proxy.close();
    }

    @Test
    void theConnectionDropsBeforeTheOutcomeIsStored_theOutcomeIsStoredOnceTheDatabaseIsBack() {
        long messageId = queuedReply("cut-1");
        DeliveryCycle<Row> cycle = cycle(new CutWhileRecording(true));

        assertThat(cycle.deliverOne()).isTrue();

        assertSentOnceAndSettled(messageId);
    }

    @Test
    void theConnectionDropsAfterTheOutcomeWasWrittenBeforeCommit_theOutcomeIsStoredOnceTheDatabaseIsBack() {
        long messageId = queuedReply("cut-2");
        DeliveryCycle<Row> cycle = cycle(new CutWhileRecording(false));

        assertThat(cycle.deliverOne()).isTrue();

        assertSentOnceAndSettled(messageId);
    }

    private long queuedReply(String externalId) {
        long ticketId = hub.inbound(externalId, "Cy", externalId + "@example.com", "Help").json().get("ticketId").asLong();
        hub.drainOutbox();
        return hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Answer to " + externalId))
                .json().get("messageId").asLong();
    }

    private void assertSentOnceAndSettled(long messageId) {
        assertThat(email.sent().stream().filter(m -> m.messageId() == messageId).count()).as("sends").isEqualTo(1);
        int inOutbox = hub.app.transactions().read(h -> h.createQuery("select count(*) from outbox where message_id = :id")
                .bind("id", messageId).mapTo(Integer.class).one());
        assertThat(inOutbox).as("left in the outbox").isZero();
        String state = hub.app.transactions().read(h -> h.createQuery("select delivery_state from message where id = :id")
                .bind("id", messageId).mapTo(String.class).one());
        assertThat(state).isEqualTo("sent");
    }

    private DeliveryCycle<Row> cycle(DeliveryQueue<Row> queue) {
        return new DeliveryCycle<>(hub.database.jdbi(), queue, RetryPolicy.DEFAULT, hub.clock);
    }

    /** The outbox of customer messages, whose database is cut once, in the outcome's transaction, for {@link #CUT}. */
    private final class CutWhileRecording implements DeliveryQueue<Row> {

        private final CustomerMessages messages;
        private final boolean beforeWriting;
        private boolean cut;

        CutWhileRecording(boolean beforeWriting) {
            EnumMap<ChannelKind, OutboundSender> senders = new EnumMap<>(ChannelKind.class);
            senders.put(ChannelKind.EMAIL, email);
            this.messages = new CustomerMessages(senders, hub.clock, new MessageBuilder(), ticketId -> { });
            this.beforeWriting = beforeWriting;
        }

        @Override
        public Optional<Row> claim(Handle handle, Instant now, Instant leaseEnd) {
            return messages.claim(handle, now, leaseEnd);
        }

        @Override
        public Optional<Prepared> prepare(Handle handle, Row item) {
            return messages.prepare(handle, item);
        }

        @Override
        public int attempts(Row item) {
            return messages.attempts(item);
        }

        @Override
        public String describe(Row item) {
            return messages.describe(item);
        }

        @Override
        public void delivered(Handle handle, Row item, SendResult result) {
            if (beforeWriting) {
                cutOnce();
            }
            messages.delivered(handle, item, result);
            if (!beforeWriting) {
                cutOnce();
            }
        }

        @Override
        public void partsSent(Handle handle, Row item, List<SentPart> parts) {
            messages.partsSent(handle, item, parts);
        }

        @Override
        public void retryLater(Handle handle, Row item, int attempts, Instant next, String error) {
            messages.retryLater(handle, item, attempts, next, error);
        }

        @Override
        public void giveUp(Handle handle, Row item, String reason) {
            messages.giveUp(handle, item, reason);
        }

        @Override
        public void unreachable(Handle handle, Row item, OutboundMessage message, String reason) {
            messages.unreachable(handle, item, message, reason);
        }

        private void cutOnce() {
            if (cut) {
                return;
            }
            cut = true;
            proxy.cut();
            Thread restorer = new Thread(() -> {
                try {
                    Thread.sleep(CUT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                proxy.restore();
            }, "restore the database");
            restorer.setDaemon(true);
            restorer.start();
        }
    }
}
