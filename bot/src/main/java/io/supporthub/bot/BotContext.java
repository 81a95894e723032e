package io.supporthub.bot;

import io.supporthub.channels.ChannelKind;

import java.util.Objects;

/**
 * Who the bot talks to and what it was waiting for.
 *
 * @param language the customer's language tag as the channel reports it (Telegram {@code language_code}), or null
 * @param state    the state stored for this address, null meaning idle
 */
public record BotContext(long contactId, ChannelKind channel, String language, BotState state) {
    public BotContext {
        Objects.requireNonNull(channel, "channel");
        state = state == null ? BotState.IDLE : state;
    }
}
