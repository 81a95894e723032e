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

    /**
     * Sends the message, telling {@code progress} each part the provider accepted as soon as it did, so that a failure
     * of a later part can be retried from there ({@link OutboundMessage#deliveredParts()}). A channel that sends a
     * message in several parts (a long text cut up, a text and its files) overrides it; one that sends it whole tells
     * nothing.
     */
    default SendResult send(OutboundMessage message, Progress progress) throws SendException {
        return send(message);
    }

    /** Told each part of a message as the provider accepted it. */
    @FunctionalInterface
    interface Progress {

        Progress NONE = (part, providerId) -> { };

        /**
         * @param part       its place in the message, from 0, counting the parts an earlier attempt delivered
         * @param providerId the provider's id of that part, or null when it named none
         */
        void partSent(int part, String providerId);
    }
}
