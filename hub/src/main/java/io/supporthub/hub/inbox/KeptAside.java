package io.supporthub.hub.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.RawPayload;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Payloads acknowledged to their provider but never stored as messages, kept for review and retry: the request as
 * received (body bytes, content type, headers less the secrets), the reason, and whether its signature was verified
 * on receipt, so that a retry through the same path never has to verify it again.
 */
public final class KeptAside {

    private static final Logger log = LoggerFactory.getLogger(KeptAside.class);
    private static final int MAX_CHARS = 200_000;

    private KeptAside() {
    }

    /**
     * Where a payload came from and as what.
     *
     * @param source   the path that can take it again: a webhook's ({@code /webhooks/viber}) or a poller's
     *                 ({@code telegram getUpdates}), or null when none can
     * @param verified its signature or secret was checked on receipt
     */
    public record Origin(ChannelKind channel, String source, RawPayload raw, boolean verified) {
    }

    public static void keep(Handle handle, Origin origin, String reason, Instant now) {
        keep(handle, origin, reason, null, now);
    }

    /**
     * A mail from a sender who is no contact, held while contacts are not created for unknown senders: kept for an
     * employee to accept ({@code POST /api/kept-aside/{id}/accept}).
     */
    public static void keepForUnknownSender(Handle handle, Origin origin, String sender, Instant now) {
        keep(handle, origin, UNKNOWN_SENDER + sender + "; contacts are not created for unknown senders (Settings): "
                + "accept it to make the contact and the ticket", sender, now);
    }

    /** How the reason of a mail held for its unknown sender starts. */
    public static final String UNKNOWN_SENDER = "unknown sender ";

    private static void keep(Handle handle, Origin origin, String reason, String unknownSender, Instant now) {
        if (unknownSender == null) {
            log.warn("Unprocessable {} payload kept aside: {}", origin.channel().wireName(), reason);
        } else {
            log.info("Mail from unknown sender {} kept aside for an employee to accept", unknownSender);
        }
        String text = origin.raw().bodyText().replace("\u0000", "");
        handle.createUpdate("insert into unprocessed_payload (channel, payload, reason, received_at, body, content_type, "
                        + "headers, source, verified, unknown_sender) values (:channel, :payload, :reason, :now, :body, "
                        + ":contentType, cast(:headers as jsonb), :source, :verified, :unknownSender)")
                .bind("unknownSender", unknownSender)
                .bind("channel", origin.channel().wireName())
                .bind("payload", text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text)
                .bind("reason", reason.replace("\u0000", ""))
                .bind("now", now)
                .bind("body", origin.raw().body())
                .bind("contentType", origin.raw().contentType())
                .bind("headers", headersJson(origin.raw()))
                .bind("source", origin.source())
                .bind("verified", origin.verified())
                .execute();
    }

    private static String headersJson(RawPayload raw) {
        try {
            return Json.MAPPER.writeValueAsString(raw.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
