package io.supporthub.hub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.notification.SettingQueries;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

/**
 * How many working minutes before a planned time the SLA warning goes out (setting {@code sla_warn_before_minutes},
 * default {@value #DEFAULT_MINUTES}). The inbox marks a due time inside that many minutes as close.
 */
public final class SlaWarningSettings {

    public static final String KEY = "sla_warn_before_minutes";
    public static final int DEFAULT_MINUTES = 30;

    private SlaWarningSettings() {
    }

    public static int warnBeforeMinutes(Handle handle) {
        return new SettingQueries(handle).read(KEY).map(SlaWarningSettings::minutes).orElse(DEFAULT_MINUTES);
    }

    /** The setting as stored ({@code setting.value}), read with something else in one statement; null: not set. */
    static int warnBeforeMinutes(String storedValue) {
        if (storedValue == null) {
            return DEFAULT_MINUTES;
        }
        try {
            return minutes(Json.MAPPER.readTree(storedValue));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return DEFAULT_MINUTES;
        }
    }

    private static int minutes(JsonNode value) {
        return value.canConvertToInt() ? value.asInt() : DEFAULT_MINUTES;
    }
}
