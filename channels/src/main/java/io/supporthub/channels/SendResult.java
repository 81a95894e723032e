package io.supporthub.channels;

/**
 * What a provider answered to a send.
 *
 * @param providerId the provider's message id (Telegram {@code chatId:messageId}, Twilio SID, Viber token, Message-ID)
 * @param state      the delivery state the provider reported: usually {@link DeliveryState#SENT}
 */
public record SendResult(String providerId, DeliveryState state) {

    public static SendResult sent(String providerId) {
        return new SendResult(providerId, DeliveryState.SENT);
    }
}
