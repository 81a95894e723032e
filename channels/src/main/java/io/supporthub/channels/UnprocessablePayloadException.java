package io.supporthub.channels;

/**
 * A provider payload that can never be processed (malformed, an unknown kind). The hub acknowledges it, so the
 * provider stops redelivering it, and keeps it aside with this reason for review.
 */
public class UnprocessablePayloadException extends Exception {

    public UnprocessablePayloadException(String reason) {
        super(reason);
    }

    public UnprocessablePayloadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
