package io.supporthub.bot;

import java.util.Objects;

/**
 * What the hub does with the customer's message.
 *
 * @param ticketId the target of {@link Kind#TO_TICKET}, else null
 */
public record Routing(Kind kind, Long ticketId) {
    public enum Kind {
        /** A command or a rating comment: not stored on any ticket as a message. */
        HANDLED,
        /** Ordinary threading (DESIGN.md "Threading"). */
        THREAD,
        /** Open a new ticket with this message. */
        NEW_TICKET,
        /** Add the message to {@link #ticketId()} (the reopen window still applies there). */
        TO_TICKET
    }

    public static final Routing HANDLED = new Routing(Kind.HANDLED, null);
    public static final Routing THREAD = new Routing(Kind.THREAD, null);
    public static final Routing NEW_TICKET = new Routing(Kind.NEW_TICKET, null);

    public Routing {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TO_TICKET) != (ticketId != null)) {
            throw new IllegalArgumentException("routing " + kind + (ticketId == null ? " needs" : " takes no") + " ticket id");
        }
    }

    public static Routing toTicket(long ticketId) {
        return new Routing(Kind.TO_TICKET, ticketId);
    }
}
