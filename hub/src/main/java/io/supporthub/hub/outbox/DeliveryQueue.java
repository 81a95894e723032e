package io.supporthub.hub.outbox;

import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendResult;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One table of things waiting to be sent, as the {@link DeliveryCycle} sees it: how a due item is claimed, what is sent
 * for it and how each outcome is recorded. Every method but {@link #settled} runs in a transaction the cycle opened.
 *
 * @param <T> a claimed item (a row and what the queue needs to settle it)
 */
public interface DeliveryQueue<T> {

    /** What to send for an item, and through which sender. */
    record Prepared(OutboundSender sender, OutboundMessage message) {
    }

    /** A part of an item's message the provider accepted: its place in the message, from 0, and its id or null. */
    record SentPart(int part, String providerId) {
    }

    /**
     * Claims the next due item with {@code FOR UPDATE SKIP LOCKED} and leases it until {@code leaseEnd}, so no other
     * worker takes it while it is being sent; empty when nothing is due.
     */
    Optional<T> claim(Handle handle, Instant now, Instant leaseEnd);

    /** What to send for the item, or empty when it cannot be sent and this method has already settled it. */
    Optional<Prepared> prepare(Handle handle, T item);

    /** How many attempts to send it have failed so far. */
    int attempts(T item);

    /** Names the item in the log, e.g. "message 12 on email". */
    String describe(T item);

    void delivered(Handle handle, T item, SendResult result);

    /**
     * The parts of the item's message the provider accepted in this attempt, when it went out in several or a later
     * part failed, before the outcome is recorded: a retry is to resume after them.
     */
    default void partsSent(Handle handle, T item, List<SentPart> parts) {
    }

    /** Tries again at {@code next}; {@code attempts} failures so far. */
    void retryLater(Handle handle, T item, int attempts, Instant next, String error);

    /** Never to be sent: out of the queue, with the reason. */
    void giveUp(Handle handle, T item, String reason);

    /** The provider says the recipient cannot be reached at this address. */
    default void unreachable(Handle handle, T item, OutboundMessage message, String reason) {
        giveUp(handle, item, reason);
    }

    /** After the item's last transaction, whatever came of it (tell open pages). */
    default void settled(T item) {
    }
}
