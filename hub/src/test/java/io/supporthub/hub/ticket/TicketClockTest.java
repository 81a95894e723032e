package io.supporthub.hub.ticket;

import io.supporthub.hub.ticket.TicketClock.StatusChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketClockTest {

    @Test
    void timeInResolvedAndClosed_doesNotCount() {
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        List<StatusChange> changes = List.of(
                new StatusChange(t0, TicketStatus.OPEN),
                new StatusChange(t0.plus(Duration.ofHours(1)), TicketStatus.RESOLVED),
                new StatusChange(t0.plus(Duration.ofDays(1)), TicketStatus.CLOSED),
                new StatusChange(t0.plus(Duration.ofDays(6)), TicketStatus.OPEN),
                new StatusChange(t0.plus(Duration.ofDays(6)).plusSeconds(600), TicketStatus.PENDING),
                new StatusChange(t0.plus(Duration.ofDays(6)).plusSeconds(1800), TicketStatus.RESOLVED));
        assertThat(TicketClock.resolutionTime(changes, t0.plus(Duration.ofDays(20)))).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void openTicket_countsUntilNow() {
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        assertThat(TicketClock.resolutionTime(List.of(new StatusChange(t0, TicketStatus.OPEN)), t0.plusSeconds(42)))
                .isEqualTo(Duration.ofSeconds(42));
    }
}
