package io.supporthub.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Viber's answer to an API call: {@code status} 0 is success, anything else an error named by
 * {@code status_message} (see {@link ViberStatus}).
 *
 * @param body the whole JSON answer, for method-specific fields
 */
public record ViberResponse(int status, String statusMessage, JsonNode body) {

    public boolean ok() {
        return status == ViberStatus.OK;
    }

    /** The {@code message_token} of a sent message, as its exact decimal digits, or null. */
    public String messageToken() {
        JsonNode token = body.get("message_token");
        if (token == null || token.isNull()) {
            return null;
        }
        return token.isIntegralNumber() ? token.bigIntegerValue().toString() : token.asText();
    }

    /** "status 7 (publicAccountBlocked)". */
    public String describe() {
        return "status " + status + " (" + (statusMessage == null ? ViberStatus.name(status) : statusMessage) + ")";
    }
}
