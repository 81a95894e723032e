package io.supporthub.hub.outbox;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.message.MessageQueries;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Sends what the outbox holds. Each worker claims one due row with {@code FOR UPDATE SKIP LOCKED} (so any number of
 * nodes and workers share the queue), sends it through the channel's sender while holding the row, and in the same
 * transaction stores the provider's id and state, or reschedules with backoff, or marks the message failed.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final EnumMap<ChannelKind, OutboundSender> senders;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final MessageBuilder messageBuilder;
    private final LongConsumer onTicketChanged;
    private final ExecutorService workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final int workerCount;
    private volatile boolean running;
    private long wakeups;

    /**
     * @param onTicketChanged told the ticket id after a send changed a message's state (live updates)
     */
    public OutboxDispatcher(Jdbi jdbi, EnumMap<ChannelKind, OutboundSender> senders, RetryPolicy retryPolicy,
                            Clock clock, MessageBuilder messageBuilder, int workerCount, LongConsumer onTicketChanged) {
        this.jdbi = jdbi;
        this.senders = new EnumMap<>(senders);
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.messageBuilder = messageBuilder;
        this.workerCount = workerCount;
        this.onTicketChanged = onTicketChanged;
        this.workers = Executors.newFixedThreadPool(workerCount, runnable -> {
            Thread thread = new Thread(runnable, "outbox");
            thread.setDaemon(true);
            return thread;
        });
    }

    public boolean canSend(ChannelKind channel) {
        return senders.containsKey(channel);
    }

    public void start() {
        running = true;
        for (int i = 0; i < workerCount; i++) {
            workers.submit(this::work);
        }
    }

    /** Tells idle workers that new rows were committed. */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (running) {
            long seen;
            lock.lock();
            try {
                seen = wakeups;
            } finally {
                lock.unlock();
            }
            boolean sent;
            try {
                sent = dispatchOne();
            } catch (RuntimeException e) {
                log.warn("Outbox dispatch failed, will retry: {}", e.toString());
                sent = false;
            }
            if (!sent) {
                idle(seen);
            }
        }
    }

    private void idle(long seen) {
        lock.lock();
        try {
            if (wakeups == seen && running) {
                wakeUp.await(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Claims and sends one due row; false when none was due. Public so tests can drive the dispatcher step by step. */
    public boolean dispatchOne() {
        Long[] changedTicket = {null};
        boolean claimed = jdbi.inTransaction(handle -> {
            Optional<Row> row = claim(handle, clock.instant());
            if (row.isEmpty()) {
                return false;
            }
            changedTicket[0] = deliver(handle, row.get());
            return true;
        });
        if (changedTicket[0] != null) {
            onTicketChanged.accept(changedTicket[0]);
        }
        return claimed;
    }

    private record Row(long id, long messageId, String channel, int attempts) {
    }

    /**
     * The oldest due row whose recipient has nothing older still waiting: messages to one customer go out in the order
     * they were written (a bot's menu after its greeting, a retried reply before the next one), while different
     * customers' messages go out in parallel.
     */
    private static Optional<Row> claim(Handle handle, Instant now) {
        return handle.createQuery("select o.id, o.message_id, o.channel, o.attempts from outbox o "
                        + "join message m on m.id = o.message_id where o.next_attempt_at <= :now "
                        + "and not exists (select 1 from outbox earlier join message em on em.id = earlier.message_id "
                        + "where em.address_id = m.address_id and earlier.id < o.id) "
                        + "order by o.next_attempt_at, o.id limit 1 for update of o skip locked")
                .bind("now", now)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("message_id"), rs.getString("channel"), rs.getInt("attempts")))
                .findOne();
    }

    private Long deliver(Handle handle, Row row) {
        MessageQueries messages = new MessageQueries(handle);
        ChannelKind channel = ChannelKind.fromWire(row.channel());
        MessageBuilder.Built built;
        handle.savepoint("build");
        try {
            built = messageBuilder.build(handle, row.messageId());
            handle.releaseSavepoint("build");
        } catch (RuntimeException e) {
            // A message that cannot even be built would come first in the queue again and again: fail it now.
            handle.rollbackToSavepoint("build");
            log.error("Message {} cannot be prepared for {}", row.messageId(), channel.wireName(), e);
            fail(handle, row, "the message could not be prepared for sending: " + e.getMessage());
            return null;
        }
        OutboundSender sender = senders.get(channel);
        if (sender == null) {
            fail(handle, row, "the " + channel.wireName() + " channel is not configured on this hub");
            return built.ticketId();
        }
        if (built.problem() != null) {
            fail(handle, row, built.problem());
            return built.ticketId();
        }
        try {
            SendResult result = sender.send(built.message());
            recordSent(handle, row, result);
            delete(handle, row);
        } catch (SendException e) {
            if (e.unreachable()) {
                markUnreachable(handle, built.message().to(), e.getMessage());
                fail(handle, row, e.getMessage());
            } else if (!e.retryable()) {
                fail(handle, row, e.getMessage());
            } else if (e.retryAfter() != null) {
                // A rate limit is the provider asking us to wait, not a failure of this message.
                reschedule(handle, row, row.attempts(), e.retryAfter(), e.getMessage());
            } else if (retryPolicy.exhausted(row.attempts() + 1)) {
                fail(handle, row, "gave up after " + (row.attempts() + 1) + " attempts: " + e.getMessage());
            } else {
                reschedule(handle, row, row.attempts() + 1, retryPolicy.delayAfter(row.attempts() + 1), e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Sender for {} threw unexpectedly on message {}", channel.wireName(), row.messageId(), e);
            if (retryPolicy.exhausted(row.attempts() + 1)) {
                fail(handle, row, "gave up after " + (row.attempts() + 1) + " attempts: " + e);
            } else {
                reschedule(handle, row, row.attempts() + 1, retryPolicy.delayAfter(row.attempts() + 1), e.toString());
            }
        }
        return built.ticketId();
    }

    /**
     * Stores the provider's id. The message is out whatever happens next, so a provider id that collides with a stored
     * one (a provider reusing ids) must not abort the transaction: the id is dropped under a savepoint and logged.
     */
    private static void recordSent(Handle handle, Row row, SendResult result) {
        MessageQueries messages = new MessageQueries(handle);
        handle.savepoint("sent");
        try {
            messages.markSent(row.messageId(), result.providerId(), result.state());
            handle.releaseSavepoint("sent");
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            handle.rollbackToSavepoint("sent");
            log.warn("Message {} was sent, but its provider id {} is already stored on another message: {}",
                    row.messageId(), result.providerId(), e.getMessage());
            messages.markSent(row.messageId(), null, result.state());
        }
    }

    private void fail(Handle handle, Row row, String reason) {
        log.warn("Message {} on {} failed: {}", row.messageId(), row.channel(), reason);
        new MessageQueries(handle).markFailed(row.messageId(), reason);
        delete(handle, row);
    }

    private void reschedule(Handle handle, Row row, int attempts, Duration delay, String error) {
        log.info("Message {} on {} will be retried in {}: {}", row.messageId(), row.channel(), delay, error);
        handle.createUpdate("update outbox set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
                .bind("id", row.id())
                .bind("attempts", attempts)
                .bind("next", clock.instant().plus(delay))
                .bind("error", error)
                .execute();
    }

    private static void delete(Handle handle, Row row) {
        handle.createUpdate("delete from outbox where id = :id").bind("id", row.id()).execute();
    }

    private void markUnreachable(Handle handle, Address address, String reason) {
        ContactQueries contacts = new ContactQueries(handle);
        Optional<AddressRow> row = contacts.findAddress(address);
        row.ifPresent(r -> contacts.setReachability(r.id(), reason, clock.instant()));
    }

    @Override
    public void close() {
        running = false;
        wake();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
