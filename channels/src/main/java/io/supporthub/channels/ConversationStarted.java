package io.supporthub.channels;

import java.time.Instant;

/** The customer opened a conversation with our bot without writing yet (Viber conversation_started): time to greet. */
public record ConversationStarted(ChannelKind channel, Address from, SenderProfile sender, Instant at)
        implements ChannelEvent {
}
