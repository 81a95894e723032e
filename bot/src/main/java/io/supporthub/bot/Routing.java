package io.supporthub.bot;

import java.util.Objects;

/**
 * What the hub does with the customer's message.
 *
 * @param ticketId the target of {@link Kind#TO_TICKET}, else null
 */
public record Routing(Kind kind, Long ticketId) {
    public enum Kind {
        /**
         * The bot's: a command or a press, kept as chatter on the customer's address, or a rating comment, kept on
         * its ticket as the customer's message ({@link BotOutcome#ratingCommentOf()}); never threaded, reopens nothing.
         */
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
