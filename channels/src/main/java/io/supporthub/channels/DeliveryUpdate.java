package io.supporthub.channels;

import java.time.Instant;

/**
 * A provider's news about a message we sent: delivered, read, failed.
 *
 * @param channel    the channel that reports it
 * @param providerId the provider's id of our message
 * @param state      the new state
 * @param reason     why it failed (provider error code and text), or null
 * @param at         when the provider says it happened
 */
public record DeliveryUpdate(ChannelKind channel, String providerId, DeliveryState state, String reason, Instant at)
        implements ChannelEvent {
}
