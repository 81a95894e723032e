package io.supporthub.hub.bench;

import io.supporthub.hub.calendar.BusinessTime;
import io.supporthub.hub.calendar.PublicHolidays;
import io.supporthub.hub.calendar.ServiceCalendar;
import io.supporthub.hub.calendar.ServiceCalendar.Interval;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Business-time arithmetic per call, in memory: {@code add} of a month-long budget (22 working days of 8 hours) and
 * {@code between} over a year, on a Mon-Fri 09:00-13:00, 14:00-18:00 calendar with a year of exceptions (a
 * country's public holidays, a shortened day before each, and every Friday shortened, so no week is plain and the
 * whole-week shortcut never applies). Starts are spread over the year. After a warm-up it prints µs per call for each
 * round, in a zone without DST (Europe/Moscow) and one with (America/New_York).
 *
 * <pre>java -cp hub/target/supporthub.jar io.supporthub.hub.bench.CalendarBenchmark [rounds=5] [calls=20000] [country=RU] [year=2027]</pre>
 */
public final class CalendarBenchmark {

    private static final Duration MONTH_BUDGET = Duration.ofHours(22 * 8);

    private CalendarBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String country = args.length > 2 ? args[2] : "RU";
        int year = args.length > 3 ? Integer.parseInt(args[3]) : 2027;
        for (String zone : List.of("Europe/Moscow", "America/New_York")) {
            ServiceCalendar calendar = calendar(ZoneId.of(zone), country, year);
            List<Instant> starts = starts(calendar.zone(), year, 997);
            System.out.printf("%s: %d exception days in %d, %d starts spread over the year%n", zone,
                    calendar.exceptions().size(), year, starts.size());
            long sink = 0;
            sink += measure("add 22 x 8 h", rounds, calls, starts,
                    from -> BusinessTime.add(calendar, from, MONTH_BUDGET).getEpochSecond());
            sink += measure("between over a year", rounds, calls, starts,
                    from -> BusinessTime.between(calendar, from, from.plus(Duration.ofDays(365))).getSeconds());
            // Checks the work was done and keeps the JIT from dropping it.
            if (sink == 0) {
                throw new IllegalStateException("no result");
            }
        }
    }

    private interface Call {
        long run(Instant from);
    }

    private static long measure(String what, int rounds, int calls, List<Instant> starts, Call call) {
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            sink += call.run(starts.get(i % starts.size()));
        }
        List<String> figures = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long began = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += call.run(starts.get(i % starts.size()));
            }
            figures.add(String.format("%.1f", (System.nanoTime() - began) / 1000.0 / calls));
        }
        System.out.printf("  %-22s µs/call per round (%d calls each, after %d warm-up calls): %s%n", what, calls, calls,
                String.join(", ", figures));
        return sink;
    }

    static ServiceCalendar calendar(ZoneId zone, String country, int year) {
        List<Interval> day = List.of(Interval.parse("09:00", "13:00"), Interval.parse("14:00", "18:00"));
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek weekday : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(weekday, day);
        }
        List<Interval> shortened = List.of(Interval.parse("09:00", "13:00"), Interval.parse("14:00", "17:00"));
        TreeMap<LocalDate, List<Interval>> exceptions = new TreeMap<>();
        for (LocalDate friday = LocalDate.of(year, 1, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.FRIDAY));
             friday.getYear() == year; friday = friday.plusWeeks(1)) {
            exceptions.put(friday, shortened);
        }
        for (LocalDate holiday : PublicHolidays.of(country, year).keySet()) {
            exceptions.put(holiday.minusDays(1), shortened);
        }
        for (LocalDate holiday : PublicHolidays.of(country, year).keySet()) {
            exceptions.put(holiday, List.of());
        }
        return new ServiceCalendar("bench", zone, week, exceptions);
    }

    /** {@code count} instants spread evenly over the year, at varied times of day. */
    private static List<Instant> starts(ZoneId zone, int year, int count) {
        Instant first = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        long span = Duration.ofDays(365).getSeconds();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(first.plusSeconds(span * i / count + (i * 7919L) % 86_400));
        }
        return starts;
    }
}
