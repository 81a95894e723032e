package io.supporthub.hub.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A notice in words, in the reader's time zone: "Ticket #1234 'Printer': response due in 30 min (at 14:30)",
 * "Ticket #1234 'Printer': resolution overdue since 14:30". A planned time on another day than today names the day.
 */
final class SlaNoticeText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private SlaNoticeText() {
    }

    static String of(SlaNoticeKind kind, long number, String subject, Instant dueAt, Instant now, ZoneId zone) {
        String ticket = "Ticket #" + number + (subject == null || subject.isBlank() ? "" : " '" + subject + "'");
        String at = clock(dueAt, now, zone);
        if (kind.warning()) {
            return ticket + ": " + kind.what() + " due in " + span(Duration.between(now, dueAt)) + " (at " + at + ")";
        }
        return ticket + ": " + kind.what() + " overdue since " + at;
    }

    /** "14:30" today, "4 Dec 09:00" on another day. */
    static String clock(Instant instant, Instant now, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return local.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? TIME.format(local) : DAY_TIME.format(local);
    }

    /** Minutes rounded up: "30 min", "2 h", "1 h 15 min". */
    static String span(Duration duration) {
        long minutes = Math.max(0, (duration.getSeconds() + 59) / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
