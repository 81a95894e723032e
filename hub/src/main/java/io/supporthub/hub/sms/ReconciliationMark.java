package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.notification.SettingQueries;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far SMS reconciliation has come, kept in the {@code setting} row {@value SmsReconciliation#WATERMARK_KEY}: every
 * missed message sent before {@code until} is committed (stored, or kept aside); and the messages it kept aside that
 * a later run, which lists from {@link SmsReconciliation#OVERLAP} before {@code until}, sees again, so that none is
 * kept aside twice.
 *
 * @param until     null before the first run
 * @param keptAside MessageSid to the time the message was sent
 */
record ReconciliationMark(Instant until, Map<String, Instant> keptAside) {

    ReconciliationMark {
        keptAside = Map.copyOf(keptAside);
    }

    static ReconciliationMark read(Handle handle) {
        JsonNode value = new SettingQueries(handle).read(SmsReconciliation.WATERMARK_KEY).orElse(null);
        if (value == null) {
            return new ReconciliationMark(null, Map.of());
        }
        Map<String, Instant> keptAside = new LinkedHashMap<>();
        value.path("keptAside").fields().forEachRemaining(
                entry -> keptAside.put(entry.getKey(), Instant.parse(entry.getValue().asText())));
        JsonNode until = value.path("until");
        return new ReconciliationMark(until.isTextual() ? Instant.parse(until.asText()) : null, keptAside);
    }

    void write(Handle handle, Instant now) {
        Map<String, String> kept = new LinkedHashMap<>();
        keptAside.forEach((sid, sentAt) -> kept.put(sid, sentAt.toString()));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("until", until == null ? null : until.toString());
        value.put("keptAside", kept);
        new SettingQueries(handle).write(SmsReconciliation.WATERMARK_KEY, value, now);
    }

    /** Where a run starts listing: the overlap before {@code until}, or the first look-back before now. */
    Instant listFrom(Instant now) {
        return until == null ? now.minus(SmsReconciliation.FIRST_LOOK_BACK) : until.minus(SmsReconciliation.OVERLAP);
    }

    boolean wasKeptAside(String sid) {
        return keptAside.containsKey(sid);
    }

    ReconciliationMark withKeptAside(String sid, Instant sentAt) {
        Map<String, Instant> kept = new LinkedHashMap<>(keptAside);
        kept.put(sid, sentAt);
        return new ReconciliationMark(until, kept);
    }

    /** Everything sent before {@code instant} is committed; what no run will list again need not be remembered. */
    ReconciliationMark movedTo(Instant instant) {
        Instant listedFrom = instant.minus(SmsReconciliation.OVERLAP);
        Map<String, Instant> kept = new LinkedHashMap<>(keptAside);
        kept.values().removeIf(sentAt -> sentAt.isBefore(listedFrom));
        return new ReconciliationMark(instant, kept);
    }
}
