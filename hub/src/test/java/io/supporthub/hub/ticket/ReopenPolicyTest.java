package io.supporthub.hub.ticket;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReopenPolicyTest {

    private final ReopenPolicy policy = new ReopenPolicy(Duration.ofDays(7));
    private final Instant archived = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void archivedSixDays23HoursAgo_reopens() {
        assertThat(policy.decide(TicketStatus.RESOLVED, archived, archived.plus(Duration.ofDays(6).plusHours(23))))
                .isEqualTo(ReopenPolicy.Decision.REOPEN);
    }

    @Test
    void archivedExactlySevenDaysAgo_opensFollowUp() {
        assertThat(policy.decide(TicketStatus.CLOSED, archived, archived.plus(Duration.ofDays(7))))
                .isEqualTo(ReopenPolicy.Decision.FOLLOW_UP);
    }

    @Test
    void archivedLongAgo_opensFollowUp() {
        assertThat(policy.decide(TicketStatus.RESOLVED, archived, archived.plus(Duration.ofDays(30))))
                .isEqualTo(ReopenPolicy.Decision.FOLLOW_UP);
    }

    @Test
    void openTypeTicket_isJoined() {
        assertThat(policy.decide(TicketStatus.PENDING, null, archived)).isEqualTo(ReopenPolicy.Decision.JOIN);
    }
}
