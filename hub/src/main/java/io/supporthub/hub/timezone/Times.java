package io.supporthub.hub.timezone;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Times as a person reads them, in their zone and naming it: "2 Nov 09:15 Paris" (pages and agents' emails). */
public final class Times {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private Times() {
    }

    /** "2 Nov 09:15 Paris": {@code instant} in {@code zone}, which it names ({@link #zoneName}); "" for null. */
    public static String dayTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(zone)) + " " + zoneName(zone);
    }

    /** A zone as a person names it: "Paris", "New York", "UTC", or the offset ("+05:30") for a bare offset. */
    public static String zoneName(ZoneId zone) {
        ZoneId normal = zone.normalized();
        if (normal.equals(ZoneOffset.UTC) || "Etc/UTC".equals(zone.getId()) || "Etc/GMT".equals(zone.getId())) {
            return "UTC";
        }
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        if (slash >= 0 && !id.startsWith("Etc/")) {
            return id.substring(slash + 1).replace('_', ' ');
        }
        return normal instanceof ZoneOffset offset ? offset.getId() : zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
