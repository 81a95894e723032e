package io.supporthub.bot;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotWaitPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private final BotWaitPolicy waits = new BotWaitPolicy(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));

    @Test
    void aWait_lastsLessThanItsWindow_andIsOverAtIt() {
        BotState comment = BotState.awaitingComment(12, 4);

        assertThat(waits.current(comment, NOW)).isEqualTo(comment);
        assertThat(waits.current(comment, NOW.minus(Duration.ofMinutes(10)).plusSeconds(1))).isEqualTo(comment);
        assertThat(waits.current(comment, NOW.minus(Duration.ofMinutes(10)))).isEqualTo(BotState.IDLE);
        assertThat(waits.current(BotState.addingTo(11), NOW.minus(Duration.ofDays(2)))).isEqualTo(BotState.IDLE);
        assertThat(waits.current(BotState.NEW_TICKET, NOW.minus(Duration.ofMinutes(11)))).isEqualTo(BotState.IDLE);
    }

    @Test
    void aStoredWaitWhoseBeginningIsUnknown_isOver() {
        assertThat(waits.current(BotState.awaitingComment(12, 4), null)).isEqualTo(BotState.IDLE);
    }

    @Test
    void idle_staysIdle() {
        assertThat(waits.current(BotState.IDLE, NOW)).isEqualTo(BotState.IDLE);
        assertThat(waits.current(null, null)).isEqualTo(BotState.IDLE);
    }

    @Test
    void aWindowOfNothing_isRefused() {
        assertThatThrownBy(() -> new BotWaitPolicy(Clock.systemUTC(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
