package io.supporthub.channels.viber;

import java.io.IOException;

/** Viber's API answered with an HTTP error (or a body that is not its JSON) instead of a status. */
public class ViberHttpException extends IOException {

    private final int httpStatus;

    public ViberHttpException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Server errors and 429 pass; other 4xx mean the request itself is wrong. */
    public boolean retryable() {
        return httpStatus >= 500 || httpStatus == 429;
    }
}
