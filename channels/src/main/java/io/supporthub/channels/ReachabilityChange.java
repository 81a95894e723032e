package io.supporthub.channels;

import java.time.Instant;

/**
 * The customer can no longer be reached on an address (blocked the bot, unsubscribed, sent STOP), or can be again.
 *
 * @param reason why, in words an agent understands, e.g. "blocked the bot"; null when reachable again
 */
public record ReachabilityChange(ChannelKind channel, Address address, boolean reachable, String reason, Instant at)
        implements ChannelEvent {
}
