package io.supporthub.hub.ticket;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.supporthub.hub.ticket.TicketStatus.AWAITING_REPLY;
import static io.supporthub.hub.ticket.TicketStatus.CLOSED;
import static io.supporthub.hub.ticket.TicketStatus.OPEN;
import static io.supporthub.hub.ticket.TicketStatus.PENDING;
import static io.supporthub.hub.ticket.TicketStatus.POSTPONED;
import static io.supporthub.hub.ticket.TicketStatus.RESOLVED;

/**
 * Exactly the transition table of DESIGN.md: which actor may move a ticket from one base state to another. The
 * reopen window for a customer writing to a resolved or closed ticket is {@link ReopenPolicy}'s concern; this table
 * only says such a move exists.
 *
 * <p>Two cells beyond DESIGN.md's table, for the customer bot: a customer may resolve an open-type ticket on the way
 * to closing it ({@link Actor#CUSTOMER_CLOSES}, followed at once by Resolved → Closed as
 * {@link Actor#CUSTOMER_CONFIRMS}), and "not solved" may reopen a Closed ticket within the reopen window.
 */
public final class TransitionPolicy {

    private static final Map<TicketStatus, Map<TicketStatus, Set<Actor>>> TABLE = new EnumMap<>(TicketStatus.class);

    static {
        allow(OPEN, PENDING, Actor.AGENT);
        allow(OPEN, AWAITING_REPLY, Actor.AGENT);
        allow(OPEN, POSTPONED, Actor.AGENT);
        allow(OPEN, RESOLVED, Actor.AGENT, Actor.CUSTOMER_CLOSES);

        allow(PENDING, OPEN, Actor.AGENT, Actor.CUSTOMER_MESSAGE);
        allow(PENDING, AWAITING_REPLY, Actor.AGENT);
        allow(PENDING, POSTPONED, Actor.AGENT);
        allow(PENDING, RESOLVED, Actor.AGENT, Actor.CUSTOMER_CLOSES);

        allow(AWAITING_REPLY, OPEN, Actor.AGENT, Actor.CUSTOMER_MESSAGE);
        allow(AWAITING_REPLY, PENDING, Actor.AGENT);
        allow(AWAITING_REPLY, POSTPONED, Actor.AGENT);
        allow(AWAITING_REPLY, RESOLVED, Actor.AGENT, Actor.CUSTOMER_CLOSES);

        allow(POSTPONED, OPEN, Actor.AGENT, Actor.POSTPONE_TIMER, Actor.CUSTOMER_MESSAGE);
        allow(POSTPONED, RESOLVED, Actor.AGENT, Actor.CUSTOMER_CLOSES);

        allow(RESOLVED, OPEN, Actor.AGENT, Actor.CUSTOMER_MESSAGE, Actor.CUSTOMER_NOT_SOLVED);
        allow(RESOLVED, CLOSED, Actor.AGENT, Actor.CUSTOMER_CONFIRMS, Actor.AUTO_CLOSE);

        allow(CLOSED, OPEN, Actor.CUSTOMER_MESSAGE, Actor.CUSTOMER_NOT_SOLVED);
    }

    private TransitionPolicy() {
    }

    private static void allow(TicketStatus from, TicketStatus to, Actor... actors) {
        TABLE.computeIfAbsent(from, f -> new EnumMap<>(TicketStatus.class))
                .put(to, EnumSet.of(actors[0], actors));
    }

    public static boolean isAllowed(TicketStatus from, TicketStatus to, Actor actor) {
        return TABLE.getOrDefault(from, Map.of()).getOrDefault(to, Set.of()).contains(actor);
    }

    /** Throws {@link TransitionRefusedException} with the reason when the move is not in the table. */
    public static void check(TicketStatus from, TicketStatus to, Actor actor) {
        if (isAllowed(from, to, actor)) {
            return;
        }
        String reason;
        if (from == to) {
            reason = "the ticket is already " + from.wireName();
        } else if (from == CLOSED && actor == Actor.AGENT) {
            reason = "a closed ticket is final for agents; it reopens only when the customer writes within the reopen window";
        } else {
            Set<Actor> who = TABLE.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
            reason = who.isEmpty()
                    ? "a ticket cannot go from " + from.wireName() + " to " + to.wireName()
                    : "only " + describe(who) + " can move a ticket from " + from.wireName() + " to " + to.wireName();
        }
        throw new TransitionRefusedException(from, to, reason);
    }

    private static String describe(Set<Actor> actors) {
        StringBuilder text = new StringBuilder();
        for (Actor actor : actors) {
            if (text.length() > 0) {
                text.append(" or ");
            }
            text.append(switch (actor) {
                case AGENT -> "an agent";
                case CUSTOMER_MESSAGE -> "a customer's message";
                case CUSTOMER_CONFIRMS -> "the customer's confirmation";
                case CUSTOMER_CLOSES -> "the customer closing the request";
                case CUSTOMER_NOT_SOLVED -> "the customer saying it is not solved";
                case POSTPONE_TIMER -> "the postpone timer";
                case AUTO_CLOSE -> "auto-close";
            });
        }
        return text.toString();
    }
}
