package io.supporthub.hub.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.supporthub.hub.error.Refusal;

/** The hub's one Jackson mapper and the helpers that read request bodies with clear 400s. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private Json() {
    }

    /** The body as a JSON object; malformed JSON or another shape answers 400 saying what was wrong. */
    public static JsonNode body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            throw Refusal.invalid("the request body is empty; expected a JSON object");
        }
        try {
            JsonNode node = MAPPER.readTree(raw);
            if (node == null || !node.isObject()) {
                throw Refusal.invalid("expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Refusal.invalid("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** A required text field. */
    public static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw Refusal.invalid("'" + field + "' is required");
        }
        if (!node.isTextual()) {
            throw Refusal.invalid("'" + field + "' must be a string");
        }
        return node.asText();
    }

    /** An optional text field: null when absent or null. */
    public static String optText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Refusal.invalid("'" + field + "' must be a string");
        }
        return node.asText();
    }

    public static Long optLong(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw Refusal.invalid("'" + field + "' must be a whole number");
        }
        return node.asLong();
    }

    public static boolean optBoolean(JsonNode body, String field, boolean fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw Refusal.invalid("'" + field + "' must be true or false");
        }
        return node.asBoolean();
    }
}
