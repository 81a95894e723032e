package io.supporthub.hub.ui;

import io.supporthub.hub.timezone.Times;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short human forms of times and durations for the pages. */
final class Format {

    private static final DateTimeFormatter ISO_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    private Format() {
    }

    /** "now", "12m", "3h", "2d": how long ago, for lists. */
    static String since(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        return span(Duration.between(then, now));
    }

    /** How long something took, e.g. a first response: "under 1s" rather than {@link #span}'s "now". */
    static String took(Duration duration) {
        return duration.toSeconds() < 1 ? "under 1s" : span(duration);
    }

    static String span(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds < 1 ? "now" : seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            long minutes = seconds % 3600 / 60;
            return seconds / 3600 + "h" + (minutes > 0 && seconds < 36_000 ? " " + minutes + "m" : "");
        }
        return seconds / 86_400 + "d" + (seconds < 864_000 && seconds % 86_400 >= 3600 ? " " + seconds % 86_400 / 3600 + "h" : "");
    }

    /** "2 Nov 09:15 Paris": the time in the viewer's zone, which it names ({@link #zoneName}). */
    static String dayTime(Instant instant, ZoneId zone) {
        return Times.dayTime(instant, zone);
    }

    /** The value of a datetime-local input: the wall-clock time in the viewer's zone. */
    static String inputValue(Instant instant, ZoneId zone) {
        return instant == null ? "" : ISO_MINUTE.format(instant.atZone(zone));
    }

    /** A zone as a person names it: "Paris", "New York", "UTC", or the offset ("+05:30") for a bare offset. */
    static String zoneName(ZoneId zone) {
        return Times.zoneName(zone);
    }

    /** "Paris (UTC+01:00)": the zone and its offset at {@code at}, for pickers that take a local time. */
    static String zoneLabel(ZoneId zone, Instant at) {
        String name = zoneName(zone);
        return "UTC".equals(name) ? name : name + " (UTC" + OFFSET.format(at.atZone(zone)) + ")";
    }

    static String label(String wireName) {
        if (wireName == null) {
            return "";
        }
        String spaced = wireName.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String channelLabel(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "sms" -> "SMS";
            case "api" -> "Web form";
            default -> label(channel);
        };
    }
}
