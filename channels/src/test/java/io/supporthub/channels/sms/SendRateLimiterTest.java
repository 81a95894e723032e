package io.supporthub.channels.sms;

import io.supporthub.channels.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SendRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

    @Test
    void longCode_sendsOneSegmentPerSecond() {
        SendRateLimiter limiter = SendRateLimiter.longCode(clock);

        assertThat(limiter.tryAcquire("+15550001111", 1)).isZero();
        assertThat(limiter.tryAcquire("+15550001111", 1)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(limiter.tryAcquire("+15550001111", 1)).isEqualTo(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(limiter.tryAcquire("+15550001111", 1)).isZero();
    }

    @Test
    void eachSenderNumber_hasItsOwnBudget() {
        SendRateLimiter limiter = SendRateLimiter.longCode(clock);

        assertThat(limiter.tryAcquire("+15550001111", 1)).isZero();
        assertThat(limiter.tryAcquire("+15550002222", 1)).isZero();
    }

    @Test
    void longMessage_goesWhenTheBucketIsFull_andDelaysTheNextByItsSegments() {
        SendRateLimiter limiter = SendRateLimiter.longCode(clock);

        assertThat(limiter.tryAcquire("+15550001111", 3)).isZero();
        assertThat(limiter.tryAcquire("+15550001111", 1)).isEqualTo(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));
        assertThat(limiter.tryAcquire("+15550001111", 1)).isZero();
    }

    @Test
    void burst_allowsSeveralAtOnceAfterAPause() {
        SendRateLimiter limiter = new SendRateLimiter(10, 3, clock);

        assertThat(limiter.tryAcquire("MG1", 1)).isZero();
        assertThat(limiter.tryAcquire("MG1", 1)).isZero();
        assertThat(limiter.tryAcquire("MG1", 1)).isZero();
        assertThat(limiter.tryAcquire("MG1", 1)).isEqualTo(Duration.ofMillis(100));
    }
}
