package io.supporthub.channels;

/**
 * The outcome of checking a webhook call's signature (Twilio's {@code X-Twilio-Signature}, Telegram's secret token,
 * Viber's {@code X-Viber-Content-Signature}), with the HTTP status the webhook answers when it fails.
 */
public enum SignatureCheck {
    /** The signature matches: process the request. */
    VALID(200),
    /** No signature header: answer 401. */
    MISSING(401),
    /** A signature that does not match (forged, wrong token or secret, wrong PUBLIC_URL): answer 403. */
    INVALID(403);

    private final int httpStatus;

    SignatureCheck(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public boolean valid() {
        return this == VALID;
    }

    /** The status to answer when not valid (200 for {@link #VALID}, for completeness). */
    public int httpStatus() {
        return httpStatus;
    }
}
