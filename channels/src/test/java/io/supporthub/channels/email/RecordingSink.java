package io.supporthub.channels.email;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.FetchedPayloadSink;
import java.util.ArrayList;
import java.util.List;

/** A sink that records what it accepted, and fails on demand like a database that is down. */
public final class RecordingSink implements FetchedPayloadSink {

    private final List<FetchedPayload> payloads = new ArrayList<>();
    private volatile boolean failing;

    public void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public synchronized void accept(List<FetchedPayload> batch) throws Exception {
        if (failing) {
            throw new IllegalStateException("database down");
        }
        payloads.addAll(batch);
    }

    public synchronized List<ChannelEvent> events() {
        return payloads.stream().flatMap(payload -> payload.events().stream()).toList();
    }

    public synchronized <T extends ChannelEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The mails that could not be parsed, as fetched. */
    public synchronized List<FetchedPayload> refused() {
        return payloads.stream().filter(FetchedPayload::refused).toList();
    }
}
