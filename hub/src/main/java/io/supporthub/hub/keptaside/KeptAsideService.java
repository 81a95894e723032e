package io.supporthub.hub.keptaside;

import io.supporthub.channels.RawPayload;
import io.supporthub.hub.channelevent.AcceptsUnknownSenders;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.inbox.AcceptResult;
import io.supporthub.hub.channelevent.Replayable;
import io.supporthub.hub.channelevent.Replayed;
import io.supporthub.hub.db.Failures;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What admins do with payloads kept aside: read them, delete them, and retry one through the path it came by (the
 * channel's parser and the {@link ChannelEventHandler}, no signature check: it was checked on receipt). A retry is
 * idempotent: the inbox dedupes, so a second retry of a stored payload answers duplicate. Rows are kept for the
 * retention period, then deleted by {@link #deleteExpired}.
 */
public final class KeptAsideService {

    private static final Logger log = LoggerFactory.getLogger(KeptAsideService.class);

    private final Transactions transactions;
    private final ChannelEventHandler events;
    private final Clock clock;
    private final Duration retention;

    public KeptAsideService(Transactions transactions, ChannelEventHandler events, Clock clock, Duration retention) {
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.retention = retention;
    }

    public List<KeptAsideQueries.Summary> list(String channel, Long after, int limit) {
        return transactions.read(handle -> new KeptAsideQueries(handle).list(channel, after, limit));
    }

    public KeptAsideQueries.Detail find(long id) {
        return transactions.read(handle -> new KeptAsideQueries(handle).find(id))
                .orElseThrow(() -> Refusal.notFound("no payload kept aside with id " + id));
    }

    public void delete(long id) {
        if (!transactions.inTransaction((handle, afterCommit) -> new KeptAsideQueries(handle).delete(id))) {
            throw Refusal.notFound("no payload kept aside with id " + id);
        }
    }

    public Replayed retry(long id) {
        KeptAsideQueries.Detail kept = find(id);
        if (!kept.summary().retryable()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "not_retryable",
                    "this payload was kept before requests were kept whole; it can be read, not retried");
        }
        if (kept.summary().awaitsAcceptance()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "awaits_acceptance", "this mail waits for its sender "
                    + kept.summary().unknownSender() + " to be accepted (POST /api/kept-aside/" + id + "/accept)");
        }
        Replayable path = events.replayable(kept.source()).orElseThrow(() -> Refusal.unprocessable(
                "nothing takes " + kept.source() + " now: is the " + kept.summary().channel() + " channel configured?"));
        Replayed replayed = replay(id, path, kept);
        transactions.inTransaction((handle, afterCommit) -> {
            new KeptAsideQueries(handle).retried(id, clock.instant(), replayed.outcome(), replayed.ticketIds(),
                    replayed.reason());
            return null;
        });
        log.info("Payload {} kept aside from {} retried: {}", id, kept.summary().channel(), replayed.outcome());
        return replayed;
    }

    /**
     * Takes a mail held for its unknown sender into the inbox: the contact and the ticket are made, once. The row is
     * locked while it is taken, so two employees accepting at once make one contact; accepting it again answers
     * duplicate with the same tickets, and the inbox's dedupe on the Message-ID stops the mailbox bringing it twice.
     */
    public Replayed accept(long id) {
        Replayed accepted;
        try {
            accepted = transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
                KeptAsideQueries queries = new KeptAsideQueries(handle);
                KeptAsideQueries.Summary summary = queries.lock(id)
                        .orElseThrow(() -> Refusal.notFound("no payload kept aside with id " + id));
                KeptAsideQueries.Detail kept = queries.find(id).orElseThrow();
                if (KeptAsideQueries.ACCEPTED.equals(summary.retryOutcome())) {
                    return new Replayed(Replayed.DUPLICATE, kept.retryTicketIds(), null);
                }
                if (summary.unknownSender() == null) {
                    throw new Refusal(Refusal.Kind.CONFLICT, "not_acceptable",
                            "this payload was not kept for an unknown sender; retry it instead");
                }
                AcceptsUnknownSenders path = events.replayable(kept.source())
                        .filter(AcceptsUnknownSenders.class::isInstance).map(AcceptsUnknownSenders.class::cast)
                        .orElseThrow(() -> Refusal.unprocessable("nothing takes " + kept.source()
                                + " now: is the " + summary.channel() + " channel configured?"));
                List<AcceptResult> results;
                try {
                    results = path.acceptUnknownSender(handle, new RawPayload(kept.contentType(), headers(kept.headers()),
                            kept.body()), afterCommit);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (results.isEmpty()) {
                    throw Refusal.unprocessable("the mail kept aside holds no message to take");
                }
                Replayed taken = Replayed.of(results);
                queries.retried(id, clock.instant(), KeptAsideQueries.ACCEPTED, taken.ticketIds(), null);
                return taken;
            });
        } catch (UncheckedIOException e) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "unavailable", "the mail could not be read now; try again shortly");
        }
        log.info("Mail {} kept aside from unknown sender accepted: {} {}", id, accepted.outcome(), accepted.ticketIds());
        return accepted;
    }

    /** Runs it through its path; a passing failure there (the database, a provider's media) refuses as unavailable. */
    private static Replayed replay(long id, Replayable path, KeptAsideQueries.Detail kept) {
        try {
            return path.replay(new RawPayload(kept.contentType(), headers(kept.headers()), kept.body()));
        } catch (UncheckedIOException e) {
            log.warn("Retry of payload {} kept aside from {} could not fetch what it needs: {}", id,
                    kept.summary().channel(), e.getMessage());
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "unavailable",
                    "the provider did not answer for this payload's files; try again shortly");
        } catch (RuntimeException e) {
            if (!Failures.isPassing(e)) {
                throw e;
            }
            log.warn("Retry of payload {} kept aside from {} met a passing failure: {}", id, kept.summary().channel(),
                    Failures.reason(e));
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "unavailable", "the database is not answering; try again shortly");
        }
    }

    public long retentionDays() {
        return retention.toDays();
    }

    /** Deletes what is older than the retention period; returns how many. */
    public int deleteExpired() {
        int deleted = transactions.inTransaction((handle, afterCommit) ->
                new KeptAsideQueries(handle).deleteReceivedBefore(clock.instant().minus(retention)));
        if (deleted > 0) {
            log.info("Deleted {} payload(s) kept aside for more than {} days", deleted, retention.toDays());
        }
        return deleted;
    }

    private static Map<String, String> headers(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json != null) {
            try {
                Json.MAPPER.readTree(json).fields().forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return headers;
    }
}
