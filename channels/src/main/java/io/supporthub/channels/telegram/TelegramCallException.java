package io.supporthub.channels.telegram;

import java.io.IOException;

/**
 * A Bot API call that did not succeed: Telegram answered {@code ok:false} ({@link #errorCode()} and
 * {@link #description()} as Telegram sent them), or it could not be reached ({@link #errorCode()} 0).
 * It is an {@link IOException} so code that only cares about "try again later" can treat it as one.
 */
public class TelegramCallException extends IOException {

    private final int errorCode;
    private final String description;
    private final Integer retryAfter;

    public TelegramCallException(String method, int errorCode, String description, Integer retryAfter, Throwable cause) {
        super(errorCode == 0
                ? "Telegram " + method + " failed: " + description
                : "Telegram " + method + " answered " + errorCode + ": " + description, cause);
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter;
    }

    /** Telegram's error_code (400, 403, 429, 5xx...), or 0 when no answer came (network, timeout). */
    public int errorCode() {
        return errorCode;
    }

    /** Telegram's description, e.g. "Forbidden: bot was blocked by the user", or what went wrong on the way. */
    public String description() {
        return description;
    }

    /** Seconds Telegram asked us to wait (parameters.retry_after on 429), or null. */
    public Integer retryAfter() {
        return retryAfter;
    }

    /** No answer, a 5xx, or a rate limit: the same call may succeed later. */
    public boolean isPassing() {
        return errorCode == 0 || errorCode == 429 || errorCode >= 500;
    }
}
