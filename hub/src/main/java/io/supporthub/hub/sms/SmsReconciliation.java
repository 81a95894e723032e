package io.supporthub.hub.sms;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.UnprocessedPayload;
import io.supporthub.channels.sms.TwilioReconciler;
import io.supporthub.channels.sms.TwilioReconciler.Missed;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.db.Failures;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.inbox.AcceptResult;
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
 * transaction of its own through the same {@link ChannelEventHandler} as the webhook. One that can never be imported
 * is kept aside (Twilio's JSON of it and the reason) and the others go on; a passing failure (the database, media that
 * cannot be fetched now) stops the run with the watermark before that message, so that the next run imports it.
 */
public final class SmsReconciliation {

    public static final String WATERMARK_KEY = "sms.reconciliation";
    /** Messages sent a little before the last run may have arrived at Twilio after it listed: look again. */
    static final Duration OVERLAP = Duration.ofMinutes(15);
    static final Duration FIRST_LOOK_BACK = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(SmsReconciliation.class);

    private final TwilioReconciler reconciler;
    private final Transactions transactions;
    private final ChannelEventHandler events;
    private final Clock clock;

    public SmsReconciliation(TwilioReconciler reconciler, Transactions transactions, ChannelEventHandler events,
                             Clock clock) {
        this.reconciler = reconciler;
        this.transactions = transactions;
        this.events = events;
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
            try {
                List<ChannelEvent> parsed = reconciler.events(message);
                UnprocessedPayload aside = parsed.size() == 1 && parsed.get(0) instanceof UnprocessedPayload refused
                        ? refused : null;
                if (aside == null) {
                    try {
                        imported += store(parsed) ? 1 : 0;
                    } catch (RuntimeException e) {
                        if (Failures.isPassing(e)) {
                            throw e;
                        }
                        aside = new UnprocessedPayload(ChannelKind.SMS, message.json(),
                                "could not be stored: " + Failures.reason(e));
                    }
                }
                if (aside != null) {
                    mark = keepAside(mark, message, aside);
                    keptAside++;
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof RuntimeException && !Failures.isPassing(e)) {
                    throw e;
                }
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

    /** One message's events in a transaction of their own; whether they changed anything (not a duplicate). */
    private boolean store(List<ChannelEvent> parsed) {
        return transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
            boolean changed = false;
            for (ChannelEvent event : parsed) {
                AcceptResult result = events.handle(handle, event, afterCommit);
                changed |= result != null && result.changedSomething();
            }
            return changed;
        });
    }

    /** Keeps the message aside and remembers it, in one transaction, so that no later run keeps it aside again. */
    private ReconciliationMark keepAside(ReconciliationMark mark, Missed message, UnprocessedPayload payload) {
        ReconciliationMark next = mark.withKeptAside(message.id(), message.sentAt());
        transactions.inTransaction((handle, afterCommit) -> {
            events.handle(handle, payload, afterCommit);
            next.write(handle, clock.instant());
            return null;
        });
        return next;
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
