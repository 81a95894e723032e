package io.supporthub.channels.email;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelEventSink;
import java.util.ArrayList;
import java.util.List;

/** A sink that records what it accepted, and fails on demand like a database that is down. */
public final class RecordingSink implements ChannelEventSink {

    private final List<ChannelEvent> events = new ArrayList<>();
    private volatile boolean failing;

    public void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public synchronized void accept(List<ChannelEvent> batch) throws Exception {
        if (failing) {
            throw new IllegalStateException("database down");
        }
        events.addAll(batch);
    }

    public synchronized List<ChannelEvent> events() {
        return List.copyOf(events);
    }

    public synchronized <T extends ChannelEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
