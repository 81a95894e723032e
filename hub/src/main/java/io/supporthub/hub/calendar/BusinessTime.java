package io.supporthub.hub.calendar;

import io.supporthub.hub.calendar.ServiceCalendar.Interval;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Business-time arithmetic over a {@link ServiceCalendar}, pure {@code java.time}.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Precision is the second: instants are truncated to the second, durations to whole seconds.</li>
 *   <li>Working intervals are half-open, [from, to): the closing time itself is not working time.</li>
 *   <li>{@code add} of zero from outside working time gives the next working moment (the next opening); from
 *       inside working time it gives the instant itself.</li>
 *   <li>A duration that ends exactly at the end of a working interval ends there, at the closing time, not at the
 *       next opening. {@code subtract} mirrors this: a duration that ends exactly at an opening ends at the
 *       opening; subtracting zero from outside working time gives the previous closing time.</li>
 *   <li>Local times are resolved in the calendar's zone: a local time in a DST gap moves forward to the end of the
 *       gap (the first valid instant after it), an ambiguous local time (DST overlap) takes the earlier offset. An
 *       interval that lies wholly inside a gap is therefore empty; one that crosses a change counts the real elapsed
 *       time (e.g. 00:00-04:00 on the spring-forward night in Paris is three hours).</li>
 *   <li>{@code subtract(add(t, d), d) == t} and {@code add(subtract(t, d), d) == t} when t is working time and d
 *       is positive; {@code between(t, add(t, d)) == d}.</li>
 *   <li>A negative duration to {@code add} subtracts and vice versa; {@code between} with {@code to} before
 *       {@code from} is negative.</li>
 * </ul>
 * Whole weeks without exceptions and without an offset change are skipped in one step, so a long budget costs one
 * step per week plus one per exception date. A calendar whose weekly hours are empty (working time only on exception
 * dates) cannot serve a budget past its last working date: that throws {@link IllegalArgumentException}.
 */
public final class BusinessTime {

    private BusinessTime() {
    }

    public static Instant add(ServiceCalendar calendar, Instant from, Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 0) {
            return subtractSeconds(calendar, truncate(from), -seconds);
        }
        return addSeconds(calendar, truncate(from), seconds);
    }

    public static Instant subtract(ServiceCalendar calendar, Instant from, Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 0) {
            return addSeconds(calendar, truncate(from), -seconds);
        }
        return subtractSeconds(calendar, truncate(from), seconds);
    }

    /** Working time between two instants; negative when {@code to} is before {@code from}. */
    public static Duration between(ServiceCalendar calendar, Instant from, Instant to) {
        Instant a = truncate(from);
        Instant b = truncate(to);
        if (b.isBefore(a)) {
            return Duration.ofSeconds(-betweenSeconds(calendar, b, a));
        }
        return Duration.ofSeconds(betweenSeconds(calendar, a, b));
    }

    private static Instant addSeconds(ServiceCalendar calendar, Instant start, long budget) {
        ZoneId zone = calendar.zone();
        long weekSeconds = calendar.weekSeconds();
        LocalDate date = LocalDate.ofInstant(start, zone).minusDays(1);
        long cursor = start.getEpochSecond();
        long remaining = budget;
        LocalDate lastException = calendar.exceptions().isEmpty() ? null : calendar.exceptions().lastKey();
        while (true) {
            if (weekSeconds == 0 && lastException != null && date.isAfter(lastException)) {
                throw new IllegalArgumentException("the calendar \"" + calendar.name()
                        + "\" has no working time after " + lastException);
            }
            long dayStart = startOfDay(date, zone);
            if (weekSeconds > 0 && remaining > weekSeconds && cursor <= dayStart && plainWeek(calendar, date)) {
                remaining -= weekSeconds;
                date = date.plusDays(7);
                cursor = startOfDay(date, zone);
                continue;
            }
            for (Interval interval : calendar.intervalsOn(date)) {
                long s = resolve(date, interval.fromSecond(), zone);
                long e = resolve(date, interval.toSecond(), zone);
                if (e <= cursor || e <= s) {
                    continue;
                }
                long from = Math.max(s, cursor);
                long available = e - from;
                if (remaining <= available) {
                    return Instant.ofEpochSecond(from + remaining);
                }
                remaining -= available;
                cursor = e;
            }
            date = date.plusDays(1);
        }
    }

    private static Instant subtractSeconds(ServiceCalendar calendar, Instant start, long budget) {
        ZoneId zone = calendar.zone();
        long weekSeconds = calendar.weekSeconds();
        LocalDate date = LocalDate.ofInstant(start, zone).plusDays(1);
        long cursor = start.getEpochSecond();
        long remaining = budget;
        LocalDate firstException = calendar.exceptions().isEmpty() ? null : calendar.exceptions().firstKey();
        while (true) {
            if (weekSeconds == 0 && firstException != null && date.isBefore(firstException)) {
                throw new IllegalArgumentException("the calendar \"" + calendar.name()
                        + "\" has no working time before " + firstException);
            }
            LocalDate weekStart = date.minusDays(6);
            long dayEnd = startOfDay(date.plusDays(1), zone);
            if (weekSeconds > 0 && remaining > weekSeconds && cursor >= dayEnd && plainWeek(calendar, weekStart)) {
                remaining -= weekSeconds;
                date = date.minusDays(7);
                cursor = startOfDay(date.plusDays(1), zone);
                continue;
            }
            List<Interval> intervals = calendar.intervalsOn(date);
            for (int i = intervals.size() - 1; i >= 0; i--) {
                Interval interval = intervals.get(i);
                long s = resolve(date, interval.fromSecond(), zone);
                long e = resolve(date, interval.toSecond(), zone);
                if (s >= cursor || e <= s) {
                    continue;
                }
                long to = Math.min(e, cursor);
                long available = to - s;
                if (remaining <= available) {
                    return Instant.ofEpochSecond(to - remaining);
                }
                remaining -= available;
                cursor = s;
            }
            date = date.minusDays(1);
        }
    }

    private static long betweenSeconds(ServiceCalendar calendar, Instant fromInstant, Instant toInstant) {
        ZoneId zone = calendar.zone();
        long weekSeconds = calendar.weekSeconds();
        long from = fromInstant.getEpochSecond();
        long to = toInstant.getEpochSecond();
        LocalDate date = LocalDate.ofInstant(fromInstant, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(toInstant, zone).plusDays(1);
        long total = 0;
        while (!date.isAfter(last)) {
            long dayStart = startOfDay(date, zone);
            if (weekSeconds > 0 && from <= dayStart && startOfDay(date.plusDays(7), zone) <= to
                    && plainWeek(calendar, date)) {
                total += weekSeconds;
                date = date.plusDays(7);
                continue;
            }
            for (Interval interval : calendar.intervalsOn(date)) {
                long s = Math.max(resolve(date, interval.fromSecond(), zone), from);
                long e = Math.min(resolve(date, interval.toSecond(), zone), to);
                if (e > s) {
                    total += e - s;
                }
            }
            date = date.plusDays(1);
        }
        return total;
    }

    /**
     * True when the seven days from {@code date} have no exception and the zone's offset does not change around
     * them, so the week's working time is exactly the nominal weekly total.
     */
    private static boolean plainWeek(ServiceCalendar calendar, LocalDate date) {
        if (!calendar.exceptions().subMap(date, true, date.plusDays(6), true).isEmpty()) {
            return false;
        }
        ZoneRules rules = calendar.zone().getRules();
        Instant before = date.minusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant();
        ZoneOffsetTransition next = rules.nextTransition(before);
        Instant after = date.plusDays(8).atStartOfDay(ZoneId.of("UTC")).toInstant();
        return next == null || next.getInstant().isAfter(after);
    }

    private static long startOfDay(LocalDate date, ZoneId zone) {
        return resolve(date, 0, zone);
    }

    /**
     * The instant of a local date and second of day (86400 = the next day's 00:00): a time in a gap moves to the
     * end of the gap, an ambiguous time takes the earlier offset.
     */
    static long resolve(LocalDate date, int secondOfDay, ZoneId zone) {
        LocalDateTime local = secondOfDay >= ServiceCalendar.END_OF_DAY
                ? date.plusDays(1).atStartOfDay()
                : date.atTime(LocalTime.ofSecondOfDay(secondOfDay));
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return rules.getTransition(local).getInstant().getEpochSecond();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toEpochSecond();
    }

    private static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
