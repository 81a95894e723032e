package io.supporthub.hub.sms;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.sms.TwilioReconciler;
import io.supporthub.channels.sms.TwilioReconciler.Missed;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.Replayed;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.message.MessageQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Imports inbound SMS the webhook never brought (the hub was down: Twilio retries a webhook at most once). Each run
 * lists the inbound messages to our numbers (the configured ones and every one a customer has written to,
 * {@link ReceivingNumbers}) since the last run's watermark ({@link ReconciliationMark}) minus {@link #OVERLAP}, or the
 * last {@link #FIRST_LOOK_BACK} on the first run, and takes every MessageSid not yet stored, oldest first, each in a
 * transaction of its own through the same {@link ChannelEventHandler} as the webhook ({@link ReconciledMessages}). One
 * that can never be imported (refused by the parser, or failing in our code) is kept aside as Twilio listed it, with
 * the reason, for a retry, and the others go on; a passing failure (the database, media that cannot be fetched now)
 * stops the run with the watermark before that message, so that the next run imports it.
 */
public final class SmsReconciliation {

    public static final String WATERMARK_KEY = "sms.reconciliation";
    /** Messages sent a little before the last run may have arrived at Twilio after it listed: look again. */
    static final Duration OVERLAP = Duration.ofMinutes(15);
    static final Duration FIRST_LOOK_BACK = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(SmsReconciliation.class);

    private final TwilioReconciler reconciler;
    private final Transactions transactions;
    private final ReconciledMessages messages;
    private final Clock clock;

    public SmsReconciliation(TwilioReconciler reconciler, Transactions transactions, ChannelEventHandler events,
                             Clock clock) {
        this.reconciler = reconciler;
        this.transactions = transactions;
        this.messages = new ReconciledMessages(reconciler, transactions, events, clock);
        this.clock = clock;
    }

    /**
     * One run; returns how many messages were imported. The watermark moves past a message only once it is committed.
     *
     * @throws IOException when Twilio cannot be listed, or a message's media fetched, now (a passing failure)
     */
    public int run() throws IOException {
        Instant startedAt = clock.instant();
        ReconciliationMark start = transactions.read(ReconciliationMark::read);
        Instant since = start.listFrom(startedAt);
        List<String> received = transactions.inTransaction(
                (handle, afterCommit) -> ReceivingNumbers.refresh(handle, clock.instant()));
        List<Missed> missed = reconciler.missed(since, received, sid -> start.wasKeptAside(sid) || isStored(sid));
        ReconciliationMark mark = start;
        int imported = 0;
        int keptAside = 0;
        for (Missed message : missed) {
            ReconciliationMark keptAsideMark = mark.withKeptAside(message.id(), message.sentAt());
            try {
                Replayed taken = messages.take(reconciler.fetched(message),
                        handle -> keptAsideMark.write(handle, clock.instant()));
                if (taken.keptAside()) {
                    mark = keptAsideMark;
                    keptAside++;
                } else if (Replayed.STORED.equals(taken.outcome())) {
                    imported++;
                }
            } catch (IOException | RuntimeException e) {
                stopBefore(mark, message, e);
                throw e;
            }
        }
        write(mark.movedTo(startedAt));
        if (!missed.isEmpty()) {
            log.info("SMS reconciliation imported {} and kept aside {} message(s) sent since {}", imported, keptAside,
                    since);
        }
        return imported;
    }

    /** A passing failure on this message: the watermark stays before it (if the database lets it be written at all). */
    private void stopBefore(ReconciliationMark mark, Missed message, Exception failure) {
        log.warn("SMS reconciliation stopped at Twilio message {} sent at {}, the next run takes it again: {}",
                message.id(), message.sentAt(), failure.toString());
        try {
            write(mark.movedTo(message.sentAt()));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void write(ReconciliationMark mark) {
        transactions.inTransaction((handle, afterCommit) -> {
            mark.write(handle, clock.instant());
            return null;
        });
    }

    private boolean isStored(String messageSid) {
        return transactions.read(handle -> new MessageQueries(handle).findByExternalId(ChannelKind.SMS, messageSid))
                .isPresent();
    }
}
