package io.supporthub.hub.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.supporthub.channels.SenderAuthentication;
import io.supporthub.hub.web.Json;

/** {@link SenderAuthentication} as the JSON of {@code message.sender_auth}. */
final class SenderAuthColumn {

    private SenderAuthColumn() {
    }

    static String write(SenderAuthentication auth) {
        if (auth == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(auth);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sender authentication cannot be written as JSON", e);
        }
    }

    static SenderAuthentication read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(json, SenderAuthentication.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message.sender_auth holds malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
