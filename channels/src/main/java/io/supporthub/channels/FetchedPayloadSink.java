package io.supporthub.channels;

import java.util.List;

/**
 * Where pollers (Telegram getUpdates, IMAP) hand what they fetched. {@link #accept} returns only after every payload is
 * committed or kept aside; when it throws, the poller must not acknowledge the source (offset, \Seen flag) and tries
 * again later.
 */
@FunctionalInterface
public interface FetchedPayloadSink {

    void accept(List<FetchedPayload> payloads) throws Exception;
}
