package io.supporthub.channels.viber;

import io.supporthub.channels.SendException;

/** What each Viber status of a refused send_message means for the hub. */
final class ViberSendErrors {

    private ViberSendErrors() {
    }

    static SendException toException(ViberResponse response) {
        String status = " (" + response.describe() + ")";
        return switch (response.status()) {
            case ViberStatus.RECEIVER_NOT_REGISTERED -> SendException.unreachable(
                    "the customer has no Viber account any more" + status);
            case ViberStatus.RECEIVER_NOT_SUBSCRIBED -> SendException.unreachable(
                    "the customer is not subscribed to the bot: Viber delivers only after they write to it again" + status);
            case ViberStatus.TOO_MANY_REQUESTS -> SendException.rateLimited(
                    "Viber's limit of messages to this customer without an answer is reached; retrying later" + status,
                    ViberSender.RATE_LIMIT_BACKOFF);
            case ViberStatus.INVALID_AUTH_TOKEN -> SendException.fatal(
                    "Viber refused the bot's auth token: an admin must check VIBER_AUTH_TOKEN" + status);
            case ViberStatus.PUBLIC_ACCOUNT_BLOCKED -> SendException.fatal(
                    "the Viber bot account is blocked: an admin must contact Viber" + status);
            case ViberStatus.PUBLIC_ACCOUNT_SUSPENDED -> SendException.fatal(
                    "the Viber bot account is suspended: an admin must contact Viber" + status);
            case ViberStatus.PUBLIC_ACCOUNT_NOT_FOUND -> SendException.fatal(
                    "Viber does not know the bot account: an admin must check VIBER_AUTH_TOKEN" + status);
            case ViberStatus.WEBHOOK_NOT_SET -> SendException.fatal(
                    "Viber sends nothing until the webhook is registered: see the hub's start-up log" + status);
            default -> SendException.fatal("Viber refused the message" + status);
        };
    }
}
