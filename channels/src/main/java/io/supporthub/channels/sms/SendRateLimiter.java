package io.supporthub.channels.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per sending number (or Messaging Service): a US/CA long code sends about one segment a second, and
 * Twilio queues or refuses what goes faster. The sender asks before each message; when the budget is spent it is
 * told how long to wait, so the hub's outbox reschedules instead of hammering the API.
 *
 * <p>A message longer than the bucket may still go when the bucket is full; it then leaves the bucket in debt, which
 * spaces the following messages out. The budget is per hub node (in memory).
 */
public final class SendRateLimiter {

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param segmentsPerSecond the steady rate per sender, e.g. 1 for a long code, 3 for toll-free, 100 for a short code
     * @param burst             segments that may go at once after a pause (at least 1)
     */
    public SendRateLimiter(double segmentsPerSecond, int burst, Clock clock) {
        if (segmentsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("send rate must be positive and burst at least 1, got "
                    + segmentsPerSecond + "/s and " + burst);
        }
        this.perSecond = segmentsPerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** One segment a second with no burst: what a long code sustains. */
    public static SendRateLimiter longCode(Clock clock) {
        return new SendRateLimiter(1.0, 1, clock);
    }

    /**
     * Takes {@code segments} from the sender's budget.
     *
     * @return {@link Duration#ZERO} when taken; otherwise nothing is taken and this is how long to wait
     */
    public Duration tryAcquire(String sender, int segments) {
        long now = clock.millis();
        int cost = Math.max(1, segments);
        double needed = Math.min(cost, burst);
        Duration[] wait = {Duration.ZERO};
        buckets.compute(sender, (key, bucket) -> {
            Bucket b = bucket == null ? new Bucket(burst, now) : bucket.refilled(now, perSecond, burst);
            if (b.tokens >= needed) {
                return new Bucket(b.tokens - cost, now);
            }
            wait[0] = Duration.ofMillis((long) Math.ceil((needed - b.tokens) / perSecond * 1000));
            return b;
        });
        return wait[0];
    }

    private record Bucket(double tokens, long atMillis) {

        Bucket refilled(long now, double perSecond, int burst) {
            double elapsed = Math.max(0, now - atMillis) / 1000.0;
            return new Bucket(Math.min(burst, tokens + elapsed * perSecond), now);
        }
    }
}
