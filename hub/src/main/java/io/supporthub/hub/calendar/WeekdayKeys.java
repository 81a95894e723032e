package io.supporthub.hub.calendar;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Map;

/** The weekdays as the API writes them ({@code "mon"} … {@code "sun"}), in week order. */
public final class WeekdayKeys {

    public static final Map<String, DayOfWeek> DAYS;

    static {
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT), day);
        }
        DAYS = java.util.Collections.unmodifiableMap(days);
    }

    private WeekdayKeys() {
    }
}
