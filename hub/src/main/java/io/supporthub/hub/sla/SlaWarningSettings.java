package io.supporthub.hub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.notification.SettingQueries;
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
        return new SettingQueries(handle).read(KEY).filter(JsonNode::canConvertToInt).map(JsonNode::asInt)
                .orElse(DEFAULT_MINUTES);
    }
}
