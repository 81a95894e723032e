package io.supporthub.hub.outbox;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.outbox.OutboxQueries.Row;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Sends what the outbox holds. A worker claims one due row with {@code FOR UPDATE SKIP LOCKED} (so any number of nodes
 * and workers share the queue), leases it and builds its message in that short transaction, sends with no transaction
 * open, then in a second transaction stores the provider's id and state, or reschedules with backoff, or marks the
 * message failed. A node that dies mid-send leaves the row leased; it is sent again when the lease ends (at least
 * once, as every provider's own retries are).
 */
public final class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    /** How long a claimed row is left to its worker before another may take it (a node that died mid-send). */
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final EnumMap<ChannelKind, OutboundSender> senders;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final MessageBuilder messageBuilder;
    private final LongConsumer onTicketChanged;

    /** @param onTicketChanged told the ticket id after a send changed a message's state (live updates) */
    public OutboxDelivery(Jdbi jdbi, EnumMap<ChannelKind, OutboundSender> senders, RetryPolicy retryPolicy, Clock clock,
                          MessageBuilder messageBuilder, LongConsumer onTicketChanged) {
        this.jdbi = jdbi;
        this.senders = new EnumMap<>(senders);
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.messageBuilder = messageBuilder;
        this.onTicketChanged = onTicketChanged;
    }

    public boolean canSend(ChannelKind channel) {
        return senders.containsKey(channel);
    }

    /** Claims and sends one due row; false when none was due. */
    public boolean deliverOne() {
        Optional<Claimed> claimed = jdbi.inTransaction(handle -> new OutboxQueries(handle).claimDue(clock.instant()).map(row -> prepare(handle, row)));
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed work = claimed.get();
        if (work.message() != null) {
            // Sent with no transaction open: a slow provider (or a rate-limit wait) holds no connection or row lock;
            // the row's lease keeps other workers off it meanwhile.
            Outcome outcome = send(work);
            jdbi.useTransaction(handle -> record(handle, work, outcome));
        }
        if (work.ticketId() != null) {
            onTicketChanged.accept(work.ticketId());
        }
        return true;
    }

    /** A claimed row: the message to send, or null when it was already settled (failed) while preparing it. */
    private record Claimed(Row row, OutboundSender sender, OutboundMessage message, Long ticketId) {
    }

    /** What the provider said: a result, or the exception it threw. */
    private record Outcome(SendResult result, SendException refusal, RuntimeException crash) {
    }

    /** Leases the row and builds its message, in the claiming transaction. */
    private Claimed prepare(Handle handle, Row row) {
        new OutboxQueries(handle).lease(row.id(), clock.instant().plus(LEASE));
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
            return new Claimed(row, null, null, null);
        }
        if (built.refused()) {
            log.error("Message {} was queued on {}, but {}: it is dropped from the outbox unsent", row.messageId(),
                    channel.wireName(), built.problem());
            new OutboxQueries(handle).delete(row.id());
            return new Claimed(row, null, null, built.ticketId());
        }
        OutboundSender sender = senders.get(channel);
        if (sender == null) {
            fail(handle, row, "the " + channel.wireName() + " channel is not configured on this hub");
            return new Claimed(row, null, null, built.ticketId());
        }
        if (built.problem() != null) {
            fail(handle, row, built.problem());
            return new Claimed(row, null, null, built.ticketId());
        }
        return new Claimed(row, sender, built.message(), built.ticketId());
    }

    private static Outcome send(Claimed work) {
        try {
            return new Outcome(work.sender().send(work.message()), null, null);
        } catch (SendException e) {
            return new Outcome(null, e, null);
        } catch (RuntimeException e) {
            return new Outcome(null, null, e);
        }
    }

    private void record(Handle handle, Claimed work, Outcome outcome) {
        Row row = work.row();
        if (outcome.result() != null) {
            recordSent(handle, row, outcome.result());
            delete(handle, row);
            return;
        }
        SendException e = outcome.refusal();
        if (e == null) {
            log.error("Sender for {} threw unexpectedly on message {}", row.channel(), row.messageId(), outcome.crash());
            retryOrFail(handle, row, outcome.crash().toString());
        } else if (e.unreachable()) {
            markUnreachable(handle, work.message().to(), e.getMessage());
            fail(handle, row, e.getMessage());
        } else if (!e.retryable()) {
            fail(handle, row, e.getMessage());
        } else if (e.retryAfter() != null) {
            // A rate limit is the provider asking us to wait, not a failure of this message.
            reschedule(handle, row, row.attempts(), e.retryAfter(), e.getMessage());
        } else {
            retryOrFail(handle, row, e.getMessage());
        }
    }

    private void retryOrFail(Handle handle, Row row, String error) {
        int attempts = row.attempts() + 1;
        if (retryPolicy.exhausted(attempts)) {
            fail(handle, row, "gave up after " + attempts + " attempts: " + error);
        } else {
            reschedule(handle, row, attempts, retryPolicy.delayAfter(attempts), error);
        }
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
        new OutboxQueries(handle).reschedule(row.id(), attempts, clock.instant().plus(delay), error);
    }

    private static void delete(Handle handle, Row row) {
        new OutboxQueries(handle).delete(row.id());
    }

    private void markUnreachable(Handle handle, Address address, String reason) {
        ContactQueries contacts = new ContactQueries(handle);
        Optional<AddressRow> row = contacts.findAddress(address);
        row.ifPresent(r -> contacts.setReachability(r.id(), reason, clock.instant()));
    }
}
