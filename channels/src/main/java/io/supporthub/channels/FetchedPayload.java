package io.supporthub.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * One payload a poller fetched (a Telegram update from getUpdates, a mail from the mailbox, a Twilio message found by
 * reconciliation), exactly as fetched, with what its parser made of it: its events, or why it can never be processed.
 * The hub stores the events, or keeps the raw payload aside so that a fix and a retry through the same parser recover
 * it.
 *
 * @param refusal why it can never be processed, or null when it parsed
 */
public record FetchedPayload(RawPayload raw, List<ChannelEvent> events, String refusal) {

    private static final Logger log = LoggerFactory.getLogger(FetchedPayload.class);

    /** A provider's parser over the raw payload. */
    @FunctionalInterface
    public interface Parser {
        List<ChannelEvent> parse(RawPayload raw) throws UnprocessablePayloadException, IOException;
    }

    public FetchedPayload {
        events = List.copyOf(events);
    }

    /**
     * Parses the payload: a payload the parser refuses, or one it fails on in our own code (logged as an error with
     * its stack), can never be processed as it stands and comes back refused.
     *
     * @throws IOException a passing failure (media that cannot be fetched now): fetch it again later
     */
    public static FetchedPayload parse(RawPayload raw, Parser parser) throws IOException {
        try {
            return new FetchedPayload(raw, parser.parse(raw), null);
        } catch (UnprocessablePayloadException e) {
            return new FetchedPayload(raw, List.of(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Our parser failed on a fetched payload ({}); keeping it aside for a retry once fixed", raw.contentType(), e);
            return new FetchedPayload(raw, List.of(), "parser failure: " + e);
        }
    }

    public boolean refused() {
        return refusal != null;
    }
}
