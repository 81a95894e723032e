package io.supporthub.channels.sms;

import io.supporthub.channels.DeliveryState;

import java.util.Locale;
import java.util.Optional;

/** Twilio's message statuses as our delivery states. */
public final class TwilioMessageStatus {

    private TwilioMessageStatus() {
    }

    /**
     * queued, accepted, scheduled → QUEUED; sending, sent, partially_delivered → SENT; delivered → DELIVERED;
     * read → READ; undelivered, failed, canceled → FAILED. Inbound statuses (receiving, received) and unknown ones
     * are empty.
     */
    public static Optional<DeliveryState> toDeliveryState(String twilioStatus) {
        if (twilioStatus == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (twilioStatus.strip().toLowerCase(Locale.ROOT)) {
            case "queued", "accepted", "scheduled" -> DeliveryState.QUEUED;
            case "sending", "sent", "partially_delivered" -> DeliveryState.SENT;
            case "delivered" -> DeliveryState.DELIVERED;
            case "read" -> DeliveryState.READ;
            case "undelivered", "failed", "canceled" -> DeliveryState.FAILED;
            default -> null;
        });
    }
}
