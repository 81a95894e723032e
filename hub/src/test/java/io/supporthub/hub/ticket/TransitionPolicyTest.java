package io.supporthub.hub.ticket;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static io.supporthub.hub.ticket.TicketStatus.AWAITING_REPLY;
import static io.supporthub.hub.ticket.TicketStatus.CLOSED;
import static io.supporthub.hub.ticket.TicketStatus.OPEN;
import static io.supporthub.hub.ticket.TicketStatus.PENDING;
import static io.supporthub.hub.ticket.TicketStatus.POSTPONED;
import static io.supporthub.hub.ticket.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionPolicyTest {

    /** DESIGN.md's table, written out cell by cell: from, to, actor. */
    private static final Set<String> ALLOWED = Set.of(
            "OPEN>PENDING:AGENT", "OPEN>AWAITING_REPLY:AGENT", "OPEN>POSTPONED:AGENT", "OPEN>RESOLVED:AGENT",
            "PENDING>OPEN:AGENT", "PENDING>OPEN:CUSTOMER_MESSAGE", "PENDING>AWAITING_REPLY:AGENT",
            "PENDING>POSTPONED:AGENT", "PENDING>RESOLVED:AGENT",
            "AWAITING_REPLY>OPEN:AGENT", "AWAITING_REPLY>OPEN:CUSTOMER_MESSAGE", "AWAITING_REPLY>PENDING:AGENT",
            "AWAITING_REPLY>POSTPONED:AGENT", "AWAITING_REPLY>RESOLVED:AGENT",
            "POSTPONED>OPEN:AGENT", "POSTPONED>OPEN:POSTPONE_TIMER", "POSTPONED>OPEN:CUSTOMER_MESSAGE",
            "POSTPONED>RESOLVED:AGENT",
            "RESOLVED>OPEN:AGENT", "RESOLVED>OPEN:CUSTOMER_MESSAGE", "RESOLVED>OPEN:CUSTOMER_NOT_SOLVED",
            "RESOLVED>CLOSED:AGENT", "RESOLVED>CLOSED:CUSTOMER_CONFIRMS", "RESOLVED>CLOSED:AUTO_CLOSE",
            "CLOSED>OPEN:CUSTOMER_MESSAGE",
            // The customer bot's two actions the table is silent on: "Close my request" on a ticket still being
            // worked (it passes through Resolved, then the customer's confirmation closes it), and "Not solved" on a
            // closed ticket, which within the reopen window is the same as the customer writing.
            "OPEN>RESOLVED:CUSTOMER_CLOSES", "PENDING>RESOLVED:CUSTOMER_CLOSES", "AWAITING_REPLY>RESOLVED:CUSTOMER_CLOSES",
            "POSTPONED>RESOLVED:CUSTOMER_CLOSES", "CLOSED>OPEN:CUSTOMER_NOT_SOLVED");

    @Test
    void everyCellOfTheTable_isExactlyAsDesigned() {
        Set<String> actual = new HashSet<>();
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                for (Actor actor : Actor.values()) {
                    if (TransitionPolicy.isAllowed(from, to, actor)) {
                        actual.add(from + ">" + to + ":" + actor);
                    }
                }
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(ALLOWED);
    }

    @Test
    void closedTicket_isFinalForAgents_withReason() {
        assertThatThrownBy(() -> TransitionPolicy.check(CLOSED, OPEN, Actor.AGENT))
                .isInstanceOf(TransitionRefusedException.class)
                .hasMessageContaining("closed ticket is final for agents");
    }

    @Test
    void forbiddenMove_saysWhoMayMakeIt() {
        assertThatThrownBy(() -> TransitionPolicy.check(RESOLVED, CLOSED, Actor.CUSTOMER_MESSAGE))
                .hasMessageContaining("only an agent or the customer's confirmation or auto-close");
        assertThatThrownBy(() -> TransitionPolicy.check(POSTPONED, PENDING, Actor.AGENT))
                .hasMessageContaining("cannot go from postponed to pending");
        assertThatThrownBy(() -> TransitionPolicy.check(OPEN, OPEN, Actor.AGENT))
                .hasMessageContaining("already open");
        assertThatThrownBy(() -> TransitionPolicy.check(AWAITING_REPLY, CLOSED, Actor.AGENT))
                .isInstanceOf(TransitionRefusedException.class);
    }

    @Test
    void openTypeStates_areTheFourWorkingOnes() {
        assertThat(OPEN.isOpenType()).isTrue();
        assertThat(PENDING.isOpenType()).isTrue();
        assertThat(AWAITING_REPLY.isOpenType()).isTrue();
        assertThat(POSTPONED.isOpenType()).isTrue();
        assertThat(RESOLVED.isOpenType()).isFalse();
        assertThat(CLOSED.isOpenType()).isFalse();
    }
}
