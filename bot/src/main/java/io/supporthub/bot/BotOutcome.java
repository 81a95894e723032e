package io.supporthub.bot;

import java.util.List;
import java.util.Objects;

/**
 * What the bot decided.
 *
 * @param routing  what to do with the customer's message (for button presses and conversation starts always HANDLED)
 * @param replies  messages to send back to the customer's address, in order (outbox rows, not stored on a ticket)
 * @param newState the state to store for the address
 */
public record BotOutcome(Routing routing, List<BotReply> replies, BotState newState) {
    public BotOutcome {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(newState, "newState");
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    static BotOutcome handled(BotState state, BotReply... replies) {
        return new BotOutcome(Routing.HANDLED, List.of(replies), state);
    }
}
