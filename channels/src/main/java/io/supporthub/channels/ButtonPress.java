package io.supporthub.channels;

import java.time.Instant;

/**
 * The customer pressed one of our buttons (a Telegram callback query). Keyboards that send plain text instead
 * (Viber) arrive as {@link InboundMessage}s.
 *
 * @param externalId the provider's id of the press, for idempotency
 * @param data       the button's data as we set it in {@link OutboundMessage.Button#data()}
 */
public record ButtonPress(ChannelKind channel, Address from, SenderProfile sender, String externalId, String data,
                          Instant at) implements ChannelEvent {
}
