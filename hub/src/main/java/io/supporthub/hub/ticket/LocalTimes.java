package io.supporthub.hub.ticket;

import io.supporthub.hub.calendar.ServiceCalendar;
import io.supporthub.hub.error.Refusal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A wall-clock time someone gives in their zone, turned into an instant: a time in a DST gap moves forward by the
 * gap's length (02:30 on the spring-forward night in Paris is 03:30 CEST), an ambiguous one (the autumn hour that
 * comes twice) takes the earlier offset. Also the postpone picker's quick choices.
 */
public final class LocalTimes {

    /** A quick choice of the postpone picker: its label, the local time to show in the input, and the instant. */
    public record QuickChoice(String key, String label, String local, Instant until) {
    }

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    private static final LocalTime MORNING = LocalTime.of(9, 0);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private LocalTimes() {
    }

    /** The instant of {@code local} in {@code zone} (gap: later by the gap; overlap: the earlier offset). */
    public static Instant resolve(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** {@link #resolve} of a datetime-local value ("2026-12-03T09:00") and a zone id, refusing either when malformed. */
    public static Instant resolve(String local, String zoneId) {
        if (zoneId == null) {
            throw Refusal.invalid("'localUntil' needs 'timeZone', the IANA zone it is in (e.g. Europe/Paris)");
        }
        ZoneId zone = ZoneId.of(validZone(zoneId));
        LocalDateTime parsed;
        try {
            parsed = LocalDateTime.parse(local);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'localUntil': '" + local + "' is not a local date-time such as 2026-12-03T09:00");
        }
        return resolve(parsed, zone);
    }

    /** "in 1 hour" (to the minute), "tomorrow 09:00" and "Monday 09:00" (the next Monday), in {@code zone}. */
    public static List<QuickChoice> quickChoices(Instant now, ZoneId zone) {
        ZonedDateTime inHour = now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDateTime tomorrow = today.plusDays(1).atTime(MORNING);
        LocalDateTime monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(MORNING);
        return List.of(
                new QuickChoice("in-1-hour", "in 1 hour", INPUT.format(inHour.toLocalDateTime()), inHour.toInstant()),
                new QuickChoice("tomorrow", "tomorrow 09:00", INPUT.format(tomorrow), resolve(tomorrow, zone)),
                new QuickChoice("monday", "Monday 09:00", INPUT.format(monday), resolve(monday, zone)));
    }

    /**
     * With the company's default calendar: "in 1 hour", "next working morning" (the calendar's next opening after now
     * that begins a working day, in the calendar's zone, so a lunch break's end is not taken for a morning) and "in 2
     * working days" (the opening of the working day after that one); the labels name the time in the viewer's zone.
     * Without a calendar, or one with no opening in the next year and a half, the choices of {@link #quickChoices}.
     */
    public static List<QuickChoice> quickChoices(Instant now, ZoneId zone, Optional<ServiceCalendar> calendar) {
        if (calendar.isEmpty()) {
            return quickChoices(now, zone);
        }
        List<Instant> mornings = workingMornings(calendar.get(), now, 2);
        if (mornings.size() < 2) {
            return quickChoices(now, zone);
        }
        ZonedDateTime inHour = now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).atZone(zone);
        return List.of(
                new QuickChoice("in-1-hour", "in 1 hour", INPUT.format(inHour.toLocalDateTime()), inHour.toInstant()),
                working("working-morning", "next working morning", mornings.get(0), zone),
                working("working-days-2", "in 2 working days", mornings.get(1), zone));
    }

    private static QuickChoice working(String key, String label, Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return new QuickChoice(key, label + " (" + DAY_TIME.format(local) + ")", INPUT.format(local.toLocalDateTime()), at);
    }

    /** The first {@code count} openings after {@code now} that begin a working day (each day's first interval). */
    static List<Instant> workingMornings(ServiceCalendar calendar, Instant now, int count) {
        List<Instant> found = new ArrayList<>();
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < 550 && found.size() < count; i++, day = day.plusDays(1)) {
            List<ServiceCalendar.Interval> intervals = calendar.intervalsOn(day);
            if (intervals == null || intervals.isEmpty()) {
                continue;
            }
            Instant opening = resolve(day.atStartOfDay().plusSeconds(intervals.get(0).fromSecond()), calendar.zone());
            if (opening.isAfter(now)) {
                found.add(opening);
            }
        }
        return found;
    }

    /** The zone id as java.time writes it, or a refusal (422) naming the bad value. */
    public static String validZone(String timeZone) {
        try {
            return ZoneId.of(timeZone.trim()).getId();
        } catch (java.time.DateTimeException e) {
            throw Refusal.unprocessable("'timeZone': '" + timeZone + "' is not a time zone (an IANA id such as Europe/Paris)");
        }
    }
}
