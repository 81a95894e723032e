package io.supporthub.hub.ui;

import io.supporthub.hub.sla.SlaWarningSettings;
import io.supporthub.hub.ticket.TicketSla;
import io.supporthub.hub.timezone.Times;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A ticket's SLA due time as an inbox row says it: "in 40 min", "due 14:30 tomorrow", "overdue 2 h", or "paused".
 * {@code level} styles it: overdue, warn (due within the warning window, counted here in clock minutes), due or paused;
 * the words carry the meaning too, so colour is never the only sign.
 */
public record DueText(String text, String level, String title) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    static int warningMinutes(Handle handle) {
        return SlaWarningSettings.warnBeforeMinutes(handle);
    }

    /** The row's text; null when the ticket has no running or paused SLA. */
    static DueText of(TicketSla due, Instant now, ZoneId zone, int warnMinutes) {
        if (due == null) {
            return null;
        }
        if (due.dueAt() == null) {
            return due.paused() ? new DueText("paused", "paused", "SLA paused: the clock stands still in this status") : null;
        }
        String title = "SLA due " + Times.dayTime(due.dueAt(), zone);
        long seconds = Duration.between(now, due.dueAt()).toSeconds();
        if (seconds < 0) {
            return new DueText("overdue " + amount(-seconds), "overdue", title + " (overdue)");
        }
        String text = seconds < 3600 ? "in " + Math.max(1, (seconds + 59) / 60) + " min" : at(due.dueAt(), now, zone);
        return new DueText(text, seconds <= warnMinutes * 60L ? "warn" : "due", title);
    }

    /** "40 min", "2 h", "3 d": how long past, rounded down (a minute at least). */
    private static String amount(long seconds) {
        if (seconds < 3600) {
            return Math.max(1, seconds / 60) + " min";
        }
        if (seconds < 48 * 3600) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }

    /** "due 14:30 today", "due 09:00 tomorrow", "due 5 Dec 09:00": a time an hour or more ahead. */
    private static String at(Instant dueAt, Instant now, ZoneId zone) {
        ZonedDateTime local = dueAt.atZone(zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (local.toLocalDate().equals(today)) {
            return "due " + TIME.format(local) + " today";
        }
        if (local.toLocalDate().equals(today.plusDays(1))) {
            return "due " + TIME.format(local) + " tomorrow";
        }
        return "due " + DAY.format(local);
    }
}
