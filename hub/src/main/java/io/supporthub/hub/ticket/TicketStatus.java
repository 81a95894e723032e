package io.supporthub.hub.ticket;

import java.util.Locale;

/** The base states of a ticket. Custom statuses are named variants of one of these. */
public enum TicketStatus {
    OPEN, PENDING, AWAITING_REPLY, POSTPONED, RESOLVED, CLOSED;

    /** Open-type states: the ticket still needs the company's work. Leaving them archives the ticket. */
    public boolean isOpenType() {
        return this != RESOLVED && this != CLOSED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus fromWire(String name) {
        for (TicketStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + name
                + "' (expected open, pending, awaiting_reply, postponed, resolved or closed)");
    }
}
