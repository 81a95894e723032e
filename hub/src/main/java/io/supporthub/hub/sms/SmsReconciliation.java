package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.sms.TwilioReconciler;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.notification.SettingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Imports inbound SMS the webhook never brought (the hub was down: Twilio retries a webhook at most once). Each run
 * lists inbound messages since the last successful run (its start, kept in the {@code setting} row
 * {@value #WATERMARK_KEY}) minus {@link #OVERLAP}, or the last {@link #FIRST_LOOK_BACK} on the first run, and takes
 * every MessageSid not yet stored through the same {@link ChannelEventHandler} as the webhook.
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

    /** One run; returns how many messages were imported. The watermark moves only when the run succeeded. */
    public int run() throws IOException {
        Instant startedAt = clock.instant();
        Instant since = transactions.read(handle -> new SettingQueries(handle).read(WATERMARK_KEY))
                .map(value -> value.path("until"))
                .filter(JsonNode::isTextual)
                .map(node -> Instant.parse(node.asText()).minus(OVERLAP))
                .orElse(startedAt.minus(FIRST_LOOK_BACK));
        List<ChannelEvent> missed = reconciler.missedSince(since, this::isStored);
        int imported = (int) events.handle(missed).stream().filter(result -> result.changedSomething()).count();
        transactions.inTransaction((handle, afterCommit) -> {
            new SettingQueries(handle).write(WATERMARK_KEY, Map.of("until", startedAt.toString()), clock.instant());
            return null;
        });
        if (imported > 0) {
            log.info("SMS reconciliation imported {} message(s) sent since {}", imported, since);
        }
        return imported;
    }

    private boolean isStored(String messageSid) {
        return transactions.read(handle -> new MessageQueries(handle).findByExternalId(ChannelKind.SMS, messageSid))
                .isPresent();
    }
}
