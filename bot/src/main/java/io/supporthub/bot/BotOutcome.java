package io.supporthub.bot;

import java.util.List;
import java.util.Objects;

/**
 * What the bot decided.
 *
 * @param routing         what to do with the customer's message (for button presses and conversation starts always
 *                        HANDLED)
 * @param replies         messages to send back to the customer's address, in order (outbox rows, not stored on a
 *                        ticket)
 * @param newState        the state to store for the address
 * @param ratingCommentOf for a HANDLED text that became the comment of a rating, the rated ticket: the hub keeps the
 *                        text there as the customer's message, marked as the comment, which reopens nothing; else
 *                        null (a command or a press, kept as chatter on the address)
 */
public record BotOutcome(Routing routing, List<BotReply> replies, BotState newState, Long ratingCommentOf) {
    public BotOutcome {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(newState, "newState");
        replies = replies == null ? List.of() : List.copyOf(replies);
        if (ratingCommentOf != null && routing.kind() != Routing.Kind.HANDLED) {
            throw new IllegalArgumentException("a rating comment is handled by the bot, not routed " + routing.kind());
        }
    }

    public BotOutcome(Routing routing, List<BotReply> replies, BotState newState) {
        this(routing, replies, newState, null);
    }

    static BotOutcome handled(BotState state, BotReply... replies) {
        return new BotOutcome(Routing.HANDLED, List.of(replies), state);
    }
}
