package io.supporthub.hub.inbox;

import io.supporthub.channels.UnprocessedPayload;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** Payloads acknowledged to their provider but never stored as messages, kept with the reason for review. */
public final class KeptAside {

    private static final Logger log = LoggerFactory.getLogger(KeptAside.class);
    private static final int MAX_CHARS = 200_000;

    private KeptAside() {
    }

    public static void keep(Handle handle, UnprocessedPayload payload, Instant now) {
        log.warn("Unprocessable {} payload kept aside: {}", payload.channel().wireName(), payload.reason());
        String raw = payload.raw() == null ? "" : payload.raw().replace("\u0000", "");
        handle.createUpdate("insert into unprocessed_payload (channel, payload, reason, received_at) "
                        + "values (:channel, :payload, :reason, :now)")
                .bind("channel", payload.channel().wireName())
                .bind("payload", raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw)
                .bind("reason", payload.reason().replace("\u0000", ""))
                .bind("now", now)
                .execute();
    }
}
