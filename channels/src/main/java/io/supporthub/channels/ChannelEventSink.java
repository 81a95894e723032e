package io.supporthub.channels;

import java.util.List;

/**
 * Where pollers (Telegram getUpdates, IMAP) hand their events. {@link #accept} returns only after the events are
 * committed; when it throws, the poller must not acknowledge the source (offset, \Seen flag) and tries again later.
 */
@FunctionalInterface
public interface ChannelEventSink {

    void accept(List<ChannelEvent> events) throws Exception;
}
