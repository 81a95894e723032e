package io.supporthub.hub.outage;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What one provider's deliveries to the hub came to. */
final class DeliveryLog {

    /** Provider ids of the messages the hub answered 2xx for. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Provider ids of the messages the provider gave up on without a 2xx (Twilio after a 503). */
    final Set<String> givenUp = ConcurrentHashMap.newKeySet();
    /** The texts of every message written, acknowledged or not. */
    final Set<String> texts = ConcurrentHashMap.newKeySet();
    /** Answers that are neither 2xx nor 503, and requests that got no answer in time. */
    final List<String> problems = new CopyOnWriteArrayList<>();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger redeliveries = new AtomicInteger();
    private final AtomicLong slowestUnavailable = new AtomicLong();

    /** A 503 that took this long: how long a provider waits to hear that the database is away. */
    void unavailableAfter(Duration took) {
        unavailable.incrementAndGet();
        slowestUnavailable.accumulateAndGet(took.toMillis(), Math::max);
    }

    long slowestUnavailableMillis() {
        return slowestUnavailable.get();
    }

    int written() {
        return acknowledged.size() + givenUp.size();
    }
}
