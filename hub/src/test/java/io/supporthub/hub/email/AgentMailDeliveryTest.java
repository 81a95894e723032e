package io.supporthub.hub.email;

import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.hub.outbox.RetryPolicy;
import io.supporthub.hub.support.TestHub;
import io.supporthub.templates.notification.RenderedNotification;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail to agents goes through the outbox's delivery cycle: sent with no transaction open, retried by the outbox's policy. */
class AgentMailDeliveryTest {

    private static final RetryPolicy RETRIES = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 3);

    static TestHub hub;
    static long agentId;
    static long ticketId;

    private final List<OutboundMessage> sent = new ArrayList<>();
    private final List<Long> openTransactionsWhileSending = new ArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        agentId = hub.get("/api/session").json().get("id").asLong();
        ticketId = hub.inbound("agent-mail-1", "Ola", "ola@example.com", "Help").json().get("ticketId").asLong();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void emptyQueue() {
        jdbi().useHandle(h -> h.execute("delete from agent_mail"));
    }

    private static Jdbi jdbi() {
        return hub.app.transactions().jdbi();
    }

    private AgentMailOutbox outbox() {
        return new AgentMailOutbox(jdbi(), message -> {
            // Asked from another connection while the mail is being sent: nothing of ours may sit in a transaction.
            openTransactionsWhileSending.add(jdbi().withHandle(h -> h.createQuery("select count(*) from pg_stat_activity "
                    + "where datname = current_database() and state like 'idle in transaction%'").mapTo(Long.class).one()));
            if (failuresToCome.getAndDecrement() > 0) {
                throw SendException.retryable("SMTP server busy", null);
            }
            sent.add(message);
            return new SendResult("smtp-" + sent.size(), DeliveryState.SENT);
        }, RETRIES, hub.clock);
    }

    private void queue(AgentMailOutbox outbox, String subject) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            outbox.enqueue(handle, agentId, ticketId, "assigned", new RenderedNotification(subject, "text", "<p>html</p>"));
            return null;
        });
    }

    private static Map<String, Object> row() {
        return jdbi().withHandle(h -> h.createQuery("select attempts, next_attempt_at, last_error from agent_mail")
                .mapToMap().findOne().orElse(null));
    }

    @Test
    void a_mail_to_an_agent_is_sent_with_no_transaction_open_and_leaves_the_queue() {
        try (AgentMailOutbox outbox = outbox()) {
            queue(outbox, "Request #1 was assigned to you");

            assertThat(outbox.sendDue()).isEqualTo(1);

            assertThat(sent).singleElement().satisfies(mail -> assertThat(mail.subject()).isEqualTo("Request #1 was assigned to you"));
            assertThat(openTransactionsWhileSending).containsOnly(0L);
            assertThat(row()).isNull();
        }
    }

    @Test
    void a_passing_failure_is_retried_on_the_outboxs_policy_then_given_up() {
        try (AgentMailOutbox outbox = outbox()) {
            failuresToCome.set(10);
            queue(outbox, "Mentioned");
            Instant first = hub.clock.instant();

            outbox.sendDue();

            Map<String, Object> retry = row();
            assertThat(retry.get("attempts")).isEqualTo(1);
            assertThat(retry.get("last_error")).isEqualTo("SMTP server busy");
            assertThat(((java.sql.Timestamp) retry.get("next_attempt_at")).toInstant())
                    .isEqualTo(first.plus(RETRIES.delayAfter(1)));
            assertThat(outbox.sendDue()).as("not due before the backoff").isZero();

            hub.clock.advance(RETRIES.delayAfter(1));
            outbox.sendDue();
            assertThat(row().get("attempts")).isEqualTo(2);
            hub.clock.advance(RETRIES.delayAfter(2));
            outbox.sendDue();

            assertThat(row()).as("given up after the policy's " + RETRIES.maxAttempts() + " attempts").isNull();
            assertThat(sent).isEmpty();
            assertThat(openTransactionsWhileSending).hasSize(3).containsOnly(0L);
        }
    }
}
