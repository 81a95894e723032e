package io.supporthub.channels;

import java.util.Locale;

/** Where an outgoing message is on its way to the customer. Final states are never left. */
public enum DeliveryState {
    QUEUED(0), SENT(1), DELIVERED(2), READ(3), FAILED(3);

    private final int rank;

    DeliveryState(int rank) {
        this.rank = rank;
    }

    public boolean isFinal() {
        return this == READ || this == FAILED;
    }

    /**
     * Whether a callback saying {@code next} may replace this state. Callbacks arrive out of order, so a state
     * only moves forward, and a final state stays; "delivered" may still become "read".
     */
    public boolean canMoveTo(DeliveryState next) {
        if (isFinal() || next == this) {
            return false;
        }
        if (next == FAILED) {
            return this != DELIVERED;
        }
        return next.rank > rank;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
