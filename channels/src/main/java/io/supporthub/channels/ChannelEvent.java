package io.supporthub.channels;

/**
 * Anything a channel's inbound side reports: a customer's message, the fate of one of ours, a customer
 * becoming unreachable or reachable again, a button pressed. The hub handles each in one transaction.
 */
public interface ChannelEvent {

    ChannelKind channel();
}
