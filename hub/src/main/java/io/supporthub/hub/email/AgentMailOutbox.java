package io.supporthub.hub.email;

import io.supporthub.channels.Address;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendResult;
import io.supporthub.hub.email.AgentMailQueries.Row;
import io.supporthub.hub.outbox.DeliveryCycle;
import io.supporthub.hub.outbox.DeliveryQueue;
import io.supporthub.hub.outbox.OutboxDispatcher;
import io.supporthub.hub.outbox.RetryPolicy;
import io.supporthub.templates.notification.RenderedNotification;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Email notifications to agents. {@link #enqueue} writes a row in the transaction that assigned the ticket or saved
 * the note, so a rolled-back change notifies nobody and a committed one is not lost to a crash or an SMTP outage.
 * They are sent as the outbox sends customers' messages, through a {@link DeliveryCycle} with the same retry policy:
 * claimed with {@code FOR UPDATE SKIP LOCKED} (any number of nodes), sent by SMTP with no transaction open, recorded
 * after. The mails carry no ticket marker and no stored Message-ID: an agent answering one does not write to the
 * customer.
 */
public final class AgentMailOutbox implements DeliveryQueue<Row>, AutoCloseable {

    private final OutboundSender sender;
    private final Clock clock;
    private final DeliveryCycle<Row> delivery;
    private final OutboxDispatcher worker;

    public AgentMailOutbox(Jdbi jdbi, OutboundSender sender, RetryPolicy retryPolicy, Clock clock) {
        this.sender = sender;
        this.clock = clock;
        this.delivery = new DeliveryCycle<>(jdbi, this, retryPolicy, clock);
        this.worker = new OutboxDispatcher(delivery, 1, "agent-mail");
    }

    /** Queues a notification in the caller's transaction. */
    public void enqueue(Handle handle, long agentId, long ticketId, String kind, RenderedNotification mail) {
        new AgentMailQueries(handle).enqueue(agentId, ticketId, kind, mail.subject(), mail.text(), mail.html(),
                clock.instant());
    }

    /** Queues a mail about the agent's account (no ticket) in the caller's transaction. */
    public void enqueueAccountMail(Handle handle, long agentId, String kind, String subject, String text, String html) {
        new AgentMailQueries(handle).enqueue(agentId, null, kind, subject, text, html, clock.instant());
    }

    public void start() {
        worker.start();
    }

    /** Sends soon (called after a commit that queued mail). */
    public void wake() {
        worker.wake();
    }

    /** Sends, retries or gives up every due notification, here and now; returns how many were due. */
    public int sendDue() {
        int handled = 0;
        while (delivery.deliverOne()) {
            handled++;
        }
        return handled;
    }

    @Override
    public Optional<Row> claim(Handle handle, Instant now, Instant leaseEnd) {
        AgentMailQueries mails = new AgentMailQueries(handle);
        Optional<Row> row = mails.claimDue(now);
        row.ifPresent(r -> mails.lease(r.id(), leaseEnd));
        return row;
    }

    @Override
    public Optional<Prepared> prepare(Handle handle, Row row) {
        return Optional.of(new Prepared(sender, new OutboundMessage(row.id(), Address.email(row.email()), row.text(),
                row.html(), row.subject(), null, null, List.of(), List.of(), null)));
    }

    @Override
    public int attempts(Row row) {
        return row.attempts();
    }

    @Override
    public String describe(Row row) {
        return "Notification '" + row.subject() + "' to agent " + row.email();
    }

    @Override
    public void delivered(Handle handle, Row row, SendResult result) {
        new AgentMailQueries(handle).delete(row.id());
    }

    @Override
    public void retryLater(Handle handle, Row row, int attempts, Instant next, String error) {
        new AgentMailQueries(handle).reschedule(row.id(), attempts, next, error);
    }

    @Override
    public void giveUp(Handle handle, Row row, String reason) {
        new AgentMailQueries(handle).delete(row.id());
    }

    @Override
    public void close() {
        worker.close();
    }
}
