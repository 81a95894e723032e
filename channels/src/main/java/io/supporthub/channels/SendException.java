package io.supporthub.channels;

import java.time.Duration;

/**
 * A provider refused a message or could not be reached.
 *
 * <p>{@code retryable} failures (a timeout, HTTP 5xx, rate limit) are tried again later, after {@code retryAfter}
 * when the provider said how long to wait. Final failures mark the message failed with the reason. When the
 * provider says the customer cannot be reached on this address (blocked the bot, unsubscribed, opted out),
 * {@code unreachable} is set so the hub can mark the address and tell the agents.
 */
public class SendException extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;
    private final boolean unreachable;

    public SendException(String message, boolean retryable, Duration retryAfter, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.unreachable = unreachable;
    }

    public static SendException retryable(String message, Throwable cause) {
        return new SendException(message, true, null, false, cause);
    }

    public static SendException rateLimited(String message, Duration retryAfter) {
        return new SendException(message, true, retryAfter, false, null);
    }

    public static SendException fatal(String message) {
        return new SendException(message, false, null, false, null);
    }

    public static SendException unreachable(String message) {
        return new SendException(message, false, null, true, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the provider asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean unreachable() {
        return unreachable;
    }
}
