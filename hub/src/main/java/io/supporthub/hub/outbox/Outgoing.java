package io.supporthub.hub.outbox;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;

import java.util.List;
import java.util.Objects;

/**
 * A public message to a customer, about to be queued by {@link Outbox#queue}. There is no way to say "internal"
 * here: a note is not an {@code Outgoing}.
 *
 * @param ticketId      the ticket it belongs to, or null for the bot's chatter (commands, menus)
 * @param channel       the channel it goes out on
 * @param addressId     the customer's address it goes to
 * @param authorAgentId the agent who wrote it, or null when the hub did (notifications, bot answers)
 * @param automated     true for what no person wrote: notifications, acknowledgements, bot prompts
 * @param buttons       the buttons a messenger shows under it, possibly none
 */
public record Outgoing(Long ticketId, ChannelKind channel, long addressId, Long authorAgentId, String text,
                       boolean automated, List<OutboundMessage.Button> buttons) {

    public Outgoing {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    /** An agent's reply on a ticket. */
    public static Outgoing reply(long ticketId, ChannelKind channel, long addressId, long agentId, String text) {
        return new Outgoing(ticketId, channel, addressId, agentId, text, false, List.of());
    }

    /** What the hub itself says on a ticket: a notification, an answer about refused files. */
    public static Outgoing automated(long ticketId, ChannelKind channel, long addressId, String text) {
        return new Outgoing(ticketId, channel, addressId, null, text, true, List.of());
    }

    /** The bot's answer, on a ticket or (ticketId null) as chatter, with its buttons. */
    public static Outgoing bot(Long ticketId, ChannelKind channel, long addressId, String text,
                               List<OutboundMessage.Button> buttons) {
        return new Outgoing(ticketId, channel, addressId, null, text, true, buttons);
    }
}
