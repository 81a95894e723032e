package io.supporthub.hub.ticket;

/** A status change that the transition table forbids; answered with 409 and the reason. */
public class TransitionRefusedException extends RuntimeException {

    private final TicketStatus from;
    private final TicketStatus to;

    public TransitionRefusedException(TicketStatus from, TicketStatus to, String reason) {
        super(reason);
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
