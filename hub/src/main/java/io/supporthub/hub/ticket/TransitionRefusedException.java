package io.supporthub.hub.ticket;

import io.supporthub.hub.error.Refusal;

/** A status change that the transition table forbids; answered with 409 and the reason. */
public class TransitionRefusedException extends Refusal {

    private final TicketStatus from;
    private final TicketStatus to;

    public TransitionRefusedException(TicketStatus from, TicketStatus to, String reason) {
        super(Kind.CONFLICT, "transition_refused", reason);
        this.from = from;
        this.to = to;
    }

    public TicketStatus from() {
        return from;
    }

    public TicketStatus to() {
        return to;
    }
}
