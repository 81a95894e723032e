package io.supporthub.channels;

/** The outbound side of a channel: sends one message and returns what the provider said. */
public interface OutboundSender {

    /**
     * Sends the message.
     *
     * @return the provider's id and the delivery state it reported
     * @throws SendException when the provider refused or could not be reached; its {@link SendException#retryable()}
     *                       says whether trying again later may succeed
     */
    SendResult send(OutboundMessage message) throws SendException;
}
