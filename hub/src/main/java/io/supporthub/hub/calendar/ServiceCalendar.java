package io.supporthub.hub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A service calendar: a name, an IANA time zone, working intervals for each weekday (local time) and exception dates
 * with their own intervals (an empty list is a holiday; a shortened or an extra working day has its own hours).
 * Construction validates: each interval's end after its start, no overlapping intervals within a day, and some
 * working time somewhere (weekly or on an exception date). Invalid calendars throw {@link IllegalArgumentException}
 * with a message meant for the person who entered them.
 */
public record ServiceCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Interval>> weekly,
                              NavigableMap<LocalDate, List<Interval>> exceptions) {

    /** Seconds in a (local, nominal) day; an interval ending here ends at 24:00. */
    public static final int END_OF_DAY = 86_400;

    public ServiceCalendar {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the calendar needs a name");
        }
        if (zone == null) {
            throw new IllegalArgumentException("the calendar needs a time zone");
        }
        Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Interval> given = weekly == null ? null : weekly.get(day);
            days.put(day, checked(given, day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)));
        }
        weekly = Collections.unmodifiableMap(days);
        TreeMap<LocalDate, List<Interval>> extra = new TreeMap<>();
        if (exceptions != null) {
            exceptions.forEach((date, intervals) -> extra.put(date, checked(intervals, date.toString())));
        }
        exceptions = Collections.unmodifiableNavigableMap(extra);
        boolean anyTime = days.values().stream().anyMatch(list -> !list.isEmpty())
                || extra.values().stream().anyMatch(list -> !list.isEmpty());
        if (!anyTime) {
            throw new IllegalArgumentException("the calendar has no working time at all");
        }
    }

    private static List<Interval> checked(List<Interval> given, String where) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        List<Interval> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparingInt(Interval::fromSecond));
        for (int i = 1; i < sorted.size(); i++) {
            Interval before = sorted.get(i - 1);
            Interval next = sorted.get(i);
            if (next.fromSecond() < before.toSecond()) {
                throw new IllegalArgumentException("intervals " + before + " and " + next + " on " + where + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    /** The intervals that apply on a local date: the exception's when the date has one, else the weekday's. */
    public List<Interval> intervalsOn(LocalDate date) {
        List<Interval> special = exceptions.get(date);
        return special != null ? special : weekly.get(date.getDayOfWeek());
    }

    /** Nominal working seconds of a week without exceptions. */
    public long weekSeconds() {
        long total = 0;
        for (List<Interval> list : weekly.values()) {
            for (Interval interval : list) {
                total += interval.seconds();
            }
        }
        return total;
    }

    /**
     * A working interval of one local day, in seconds of the day: {@code fromSecond} in [0, 86400), {@code toSecond}
     * in (fromSecond, 86400]; 86400 is 24:00, the end of the day.
     */
    public record Interval(int fromSecond, int toSecond) {

        public Interval {
            if (fromSecond < 0 || fromSecond >= END_OF_DAY || toSecond > END_OF_DAY) {
                throw new IllegalArgumentException("interval " + text(fromSecond) + "-" + text(toSecond)
                        + " is outside the day");
            }
            if (toSecond <= fromSecond) {
                throw new IllegalArgumentException("interval " + text(fromSecond) + "-" + text(toSecond)
                        + ": the end must be after the start (use 24:00 for midnight)");
            }
        }

        /** From local times; an end of 23:59 (or 23:59:59, or {@link LocalTime#MAX}) means the end of the day. */
        public static Interval of(LocalTime from, LocalTime to) {
            return new Interval(from.toSecondOfDay(), endSecond(to));
        }

        /** From texts "HH:mm" or "HH:mm:ss"; the end may be "24:00"; an end of "23:59" means the end of the day. */
        public static Interval parse(String from, String to) {
            if (from == null || to == null) {
                throw new IllegalArgumentException("an interval needs a start and an end");
            }
            String end = to.trim();
            LocalTime start = time(from.trim());
            if (end.equals("24:00") || end.equals("24:00:00")) {
                return new Interval(start.toSecondOfDay(), END_OF_DAY);
            }
            return of(start, time(end));
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a time of day (HH:mm)");
            }
        }

        private static int endSecond(LocalTime to) {
            LocalTime minute = to.withSecond(0).withNano(0);
            if (minute.equals(LocalTime.of(23, 59))) {
                return END_OF_DAY;
            }
            return to.toSecondOfDay();
        }

        public long seconds() {
            return toSecond - fromSecond;
        }

        public String fromText() {
            return text(fromSecond);
        }

        public String toText() {
            return text(toSecond);
        }

        static String text(int second) {
            if (second >= END_OF_DAY) {
                return "24:00";
            }
            int h = second / 3600;
            int m = second / 60 % 60;
            int s = second % 60;
            return s == 0 ? String.format("%02d:%02d", h, m) : String.format("%02d:%02d:%02d", h, m, s);
        }

        @Override
        public String toString() {
            return fromText() + "-" + toText();
        }
    }
}
