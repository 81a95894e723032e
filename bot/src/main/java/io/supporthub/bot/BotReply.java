package io.supporthub.bot;

import io.supporthub.channels.OutboundMessage;

import java.util.List;
import java.util.Objects;

/** One message the bot sends: plain text (never escaped) and buttons for channels that show them. */
public record BotReply(String text, List<OutboundMessage.Button> buttons) {
    public BotReply {
        Objects.requireNonNull(text, "text");
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static BotReply text(String text) {
        return new BotReply(text, List.of());
    }
}
