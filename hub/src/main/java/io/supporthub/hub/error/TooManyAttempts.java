package io.supporthub.hub.error;

import java.time.Duration;

/** A refusal because of too many attempts in a while, saying how long until the next one is heard. */
public final class TooManyAttempts extends Refusal {

    private final long retryAfterSeconds;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(Kind.TOO_MANY, "too_many_attempts", message);
        // Rounded up: a client waiting exactly this long is let in, never refused once more.
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
