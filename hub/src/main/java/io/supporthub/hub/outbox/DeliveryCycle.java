package io.supporthub.hub.outbox;

import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.hub.db.Failures;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends what a {@link DeliveryQueue} holds, one item at a time: claim and lease the item and build its message in one
 * short transaction, send with no transaction open (a slow provider or a rate-limit wait holds no connection or row
 * lock), then record the outcome in a second transaction, retrying passing failures by the {@link RetryPolicy}. The
 * parts of a message its channel sent in several that the provider accepted are recorded with the outcome, so a retry
 * after a later part failed sends only the rest. A node that dies mid-send leaves the item leased; it is sent again
 * when the lease ends (at least once, as every provider's own retries are).
 */
public final class DeliveryCycle<T> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryCycle.class);
    /** How long a claimed item is left to its worker before another may take it (a node that died mid-send). */
    private static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);
    /** How often the outcome of a send is offered again to a database that is away, within half the lease. */
    static final Duration OUTCOME_RETRY = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final DeliveryQueue<T> queue;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Duration lease;

    public DeliveryCycle(Jdbi jdbi, DeliveryQueue<T> queue, RetryPolicy retryPolicy, Clock clock) {
        this(jdbi, queue, retryPolicy, clock, DEFAULT_LEASE);
    }

    /** @param lease how long a claimed item stays with its worker (OUTBOX_LEASE_SECONDS) */
    public DeliveryCycle(Jdbi jdbi, DeliveryQueue<T> queue, RetryPolicy retryPolicy, Clock clock, Duration lease) {
        this.jdbi = jdbi;
        this.queue = queue;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.lease = lease;
    }

    private record Claimed<T>(T item, DeliveryQueue.Prepared prepared) {
    }

    /** What the provider said: a result, or the exception it threw; and the parts it accepted on the way. */
    private record Outcome(SendResult result, SendException refusal, RuntimeException crash,
                           List<DeliveryQueue.SentPart> parts) {
    }

    /** Claims and sends one due item; false when none was due. */
    public boolean deliverOne() {
        Instant now = clock.instant();
        Optional<Claimed<T>> claimed = jdbi.inTransaction(handle -> queue.claim(handle, now, now.plus(lease))
                .map(item -> new Claimed<>(item, prepare(handle, item))));
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed<T> work = claimed.get();
        if (work.prepared() != null) {
            Outcome outcome = send(work.prepared());
            recordOutcome(work, outcome);
        }
        queue.settled(work.item());
        return true;
    }

    private DeliveryQueue.Prepared prepare(Handle handle, T item) {
        handle.savepoint("prepare");
        try {
            DeliveryQueue.Prepared prepared = queue.prepare(handle, item).orElse(null);
            handle.releaseSavepoint("prepare");
            return prepared;
        } catch (RuntimeException e) {
            // An item that cannot even be built would come first in the queue again and again: give it up now.
            handle.rollbackToSavepoint("prepare");
            log.error("{} cannot be prepared for sending", queue.describe(item), e);
            giveUp(handle, item, "the message could not be prepared for sending: " + e.getMessage());
            return null;
        }
    }

    private static Outcome send(DeliveryQueue.Prepared prepared) {
        List<DeliveryQueue.SentPart> parts = new ArrayList<>();
        OutboundSender.Progress progress = (part, providerId) -> parts.add(new DeliveryQueue.SentPart(part, providerId));
        try {
            return new Outcome(prepared.sender().send(prepared.message(), progress), null, null, parts);
        } catch (SendException e) {
            return new Outcome(null, e, null, parts);
        } catch (RuntimeException e) {
            return new Outcome(null, null, e, parts);
        }
    }

    /**
     * The provider has answered, so sending again would send twice: while the database is away the outcome waits for
     * it, up to half the lease (the item stays ours). Given up, the item is sent again when its lease ends, and the
     * later messages to the same address wait behind it until then.
     */
    private void recordOutcome(Claimed<T> work, Outcome outcome) {
        long giveUpAt = System.nanoTime() + lease.dividedBy(2).toNanos();
        boolean traced = false;
        while (true) {
            try {
                jdbi.useTransaction(handle -> record(handle, work, outcome));
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUpAt) {
                    throw e;
                }
                // Any failure is retried, not only those classed as passing: a connection cut mid-commit can surface as
                // the transaction manager's own exception with no SQL state, and giving up here leaves the item leased,
                // holding every later message to the address behind it for the whole lease.
                if (Failures.isPassing(e) || traced) {
                    log.warn("{} was sent; its outcome waits for the database: {}", queue.describe(work.item()),
                            Failures.reason(e));
                } else {
                    log.warn("{} was sent; recording its outcome failed, retrying", queue.describe(work.item()), e);
                    traced = true;
                }
                pause(OUTCOME_RETRY, e);
            }
        }
    }

    private static void pause(Duration duration, RuntimeException failure) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private void record(Handle handle, Claimed<T> work, Outcome outcome) {
        T item = work.item();
        if (sentInParts(work.prepared().message(), outcome)) {
            queue.partsSent(handle, item, outcome.parts());
        }
        if (outcome.result() != null) {
            queue.delivered(handle, item, outcome.result());
            return;
        }
        SendException e = outcome.refusal();
        if (e == null) {
            log.error("The sender threw unexpectedly on {}", queue.describe(item), outcome.crash());
            retryOrGiveUp(handle, item, outcome.crash().toString());
        } else if (e.unreachable()) {
            log.warn("{} failed: {}", queue.describe(item), e.getMessage());
            queue.unreachable(handle, item, work.prepared().message(), e.getMessage());
        } else if (!e.retryable()) {
            giveUp(handle, item, e.getMessage());
        } else if (e.retryAfter() != null) {
            // A rate limit is the provider asking us to wait, not a failure of this message.
            retryLater(handle, item, queue.attempts(item), e.retryAfter(), e.getMessage());
        } else {
            retryOrGiveUp(handle, item, e.getMessage());
        }
    }

    /** Whether the parts sent are worth keeping: a message that went out whole in one go is named by its result alone. */
    private static boolean sentInParts(OutboundMessage message, Outcome outcome) {
        return !outcome.parts().isEmpty()
                && (outcome.result() == null || outcome.parts().size() > 1 || message.partsDelivered() > 0);
    }

    private void retryOrGiveUp(Handle handle, T item, String error) {
        int attempts = queue.attempts(item) + 1;
        if (retryPolicy.exhausted(attempts)) {
            giveUp(handle, item, "gave up after " + attempts + " attempts: " + error);
        } else {
            retryLater(handle, item, attempts, retryPolicy.delayAfter(attempts), error);
        }
    }

    private void retryLater(Handle handle, T item, int attempts, Duration delay, String error) {
        log.info("{} will be retried in {}: {}", queue.describe(item), delay, error);
        queue.retryLater(handle, item, attempts, clock.instant().plus(delay), error);
    }

    private void giveUp(Handle handle, T item, String reason) {
        log.warn("{} failed: {}", queue.describe(item), reason);
        queue.giveUp(handle, item, reason);
    }
}
