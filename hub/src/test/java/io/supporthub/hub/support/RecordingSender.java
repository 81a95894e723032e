package io.supporthub.hub.support;

import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A test-only channel: records what it is given and fails on demand. */
public final class RecordingSender implements OutboundSender {

    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final Deque<SendException> failures = new ArrayDeque<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final String prefix;

    public RecordingSender(String prefix) {
        this.prefix = prefix;
    }

    /** The next calls fail with these, in order; then sends succeed again. */
    public synchronized void failNext(SendException... exceptions) {
        failures.addAll(List.of(exceptions));
    }

    @Override
    public synchronized SendResult send(OutboundMessage message) throws SendException {
        attempts.incrementAndGet();
        SendException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        sent.add(message);
        return SendResult.sent(prefix + "-" + message.messageId());
    }

    public List<OutboundMessage> sent() {
        return sent;
    }

    public int attempts() {
        return attempts.get();
    }
}
