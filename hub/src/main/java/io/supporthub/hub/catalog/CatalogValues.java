package io.supporthub.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a catalog row may be given: a name of 1 to 60 characters, a colour {@code #rrggbb}, a position from 1. */
final class CatalogValues {

    static final int MAX_POSITION = 10_000;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private CatalogValues() {
    }

    /** The required {@code name}, stripped. */
    static String name(JsonNode body) {
        return checkedName(Json.text(body, "name"));
    }

    /** The optional {@code name}, stripped; null when absent. */
    static String optName(JsonNode body) {
        String name = Json.optText(body, "name");
        return name == null ? null : checkedName(name);
    }

    private static String checkedName(String raw) {
        String name = raw.strip();
        if (name.isEmpty() || name.length() > 60) {
            throw Refusal.invalid("'name' must be 1 to 60 characters");
        }
        return name;
    }

    /** The optional {@code color} as {@code #rrggbb} in lower case; null when absent. */
    static String optColor(JsonNode body) {
        String color = Json.optText(body, "color");
        if (color == null) {
            return null;
        }
        if (!COLOR.matcher(color.strip()).matches()) {
            throw Refusal.invalid("'color' must be a colour written #rrggbb, such as #dc2626");
        }
        return color.strip().toLowerCase(Locale.ROOT);
    }

    /** The optional {@code position}: a whole number from 1 to {@link #MAX_POSITION}; null when absent. */
    static Integer optPosition(JsonNode body) {
        Long position = Json.optLong(body, "position");
        if (position == null) {
            return null;
        }
        if (position < 1 || position > MAX_POSITION) {
            throw Refusal.invalid("'position' must be a whole number from 1 to " + MAX_POSITION);
        }
        return position.intValue();
    }

    /** An optional true/false field: null when absent (or null). */
    static Boolean optFlag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : Json.optBoolean(body, field, false);
    }
}
