package io.supporthub.hub.email;

import io.supporthub.channels.Address;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.templates.notification.RenderedNotification;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Email notifications to agents. {@link #enqueue} writes a row in the transaction that assigned the ticket or saved
 * the note, so a rolled-back change notifies nobody and a committed one is not lost to a crash or an SMTP outage;
 * {@link #sendDue} claims due rows with {@code FOR UPDATE SKIP LOCKED} (any number of nodes) and sends each by SMTP,
 * retrying with a growing delay and giving up after {@link #MAX_ATTEMPTS}. The mails carry no ticket marker and no
 * stored Message-ID: an agent answering one does not write to the customer.
 */
public final class AgentMailOutbox implements AutoCloseable {

    static final int MAX_ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(AgentMailOutbox.class);
    private static final Duration SWEEP = Duration.ofSeconds(10);

    private final Jdbi jdbi;
    private final OutboundSender sender;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "agent-mail");
        thread.setDaemon(true);
        return thread;
    });

    public AgentMailOutbox(Jdbi jdbi, OutboundSender sender, Clock clock) {
        this.jdbi = jdbi;
        this.sender = sender;
        this.clock = clock;
    }

    /** Queues a notification in the caller's transaction. */
    public void enqueue(Handle handle, long agentId, long ticketId, String kind, RenderedNotification mail) {
        Instant now = clock.instant();
        handle.createUpdate("insert into agent_mail (agent_id, ticket_id, kind, subject, text, html, next_attempt_at, created_at) "
                        + "values (:agentId, :ticketId, :kind, :subject, :text, :html, :now, :now)")
                .bind("agentId", agentId).bind("ticketId", ticketId).bind("kind", kind)
                .bind("subject", mail.subject()).bind("text", mail.text()).bind("html", mail.html())
                .bind("now", now)
                .execute();
    }

    public void start() {
        worker.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends soon, on the outbox's own thread (called after a commit that queued mail). */
    public void wake() {
        if (!worker.isShutdown()) {
            worker.execute(this::sweep);
        }
    }

    private void sweep() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Agent notifications could not be sent now, will retry in {} s: {}", SWEEP.toSeconds(), e.toString());
        }
    }

    /** Sends every due notification; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        while (true) {
            Optional<Boolean> outcome = jdbi.inTransaction(this::sendOne);
            if (outcome.isEmpty()) {
                return sent;
            }
            if (outcome.get()) {
                sent++;
            }
        }
    }

    private record Row(long id, String email, String subject, String text, String html, int attempts) {
    }

    /** Empty when nothing was due; else whether the claimed row was sent. */
    private Optional<Boolean> sendOne(Handle handle) {
        Instant now = clock.instant();
        Optional<Row> claimed = handle.createQuery("select m.id, a.email, m.subject, m.text, m.html, m.attempts "
                        + "from agent_mail m join agent a on a.id = m.agent_id where m.next_attempt_at <= :now "
                        + "order by m.next_attempt_at, m.id limit 1 for update of m skip locked")
                .bind("now", now)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("email"), rs.getString("subject"),
                        rs.getString("text"), rs.getString("html"), rs.getInt("attempts")))
                .findOne();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Row row = claimed.get();
        OutboundMessage mail = new OutboundMessage(row.id(), Address.email(row.email()), row.text(), row.html(),
                row.subject(), null, null, List.of(), List.of(), null);
        try {
            sender.send(mail);
            delete(handle, row.id());
            return Optional.of(true);
        } catch (SendException e) {
            int attempts = row.attempts() + 1;
            if (!e.retryable() || attempts >= MAX_ATTEMPTS) {
                log.warn("Notification '{}' to agent {} dropped after {} attempts: {}", row.subject(), row.email(),
                        attempts, e.getMessage());
                delete(handle, row.id());
            } else {
                Duration delay = Duration.ofMinutes(1L << Math.min(attempts, 6));
                log.info("Notification to agent {} will be retried in {}: {}", row.email(), delay, e.getMessage());
                handle.createUpdate("update agent_mail set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
                        .bind("id", row.id()).bind("attempts", attempts).bind("next", now.plus(delay))
                        .bind("error", e.getMessage()).execute();
            }
            return Optional.of(false);
        }
    }

    private static void delete(Handle handle, long id) {
        handle.createUpdate("delete from agent_mail where id = :id").bind("id", id).execute();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
