package io.supporthub.channels;

/**
 * A payload a poller could not turn into events (malformed, an unknown kind). Handed to the sink like any event so
 * the source can be acknowledged; the hub keeps it aside with the reason for review.
 *
 * @param raw    the payload as received (JSON, a raw mail's first bytes)
 * @param reason why it could not be processed
 */
public record UnprocessedPayload(ChannelKind channel, String raw, String reason) implements ChannelEvent {
}
