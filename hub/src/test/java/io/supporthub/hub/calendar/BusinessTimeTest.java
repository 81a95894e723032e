package io.supporthub.hub.calendar;

import io.supporthub.hub.calendar.ServiceCalendar.Interval;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.supporthub.hub.calendar.BusinessTime.add;
import static io.supporthub.hub.calendar.BusinessTime.between;
import static io.supporthub.hub.calendar.BusinessTime.subtract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessTimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    // ---- builders -------------------------------------------------------------------------------------------

    private static List<Interval> hours(String... fromTo) {
        List<Interval> list = new ArrayList<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            list.add(Interval.parse(fromTo[i], fromTo[i + 1]));
        }
        return list;
    }

    private static Map<DayOfWeek, List<Interval>> weekdays(List<Interval> intervals) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        WEEKDAYS.forEach(day -> week.put(day, intervals));
        return week;
    }

    private static Map<DayOfWeek, List<Interval>> everyDay(List<Interval> intervals) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, intervals);
        }
        return week;
    }

    private static ServiceCalendar calendar(ZoneId zone, Map<DayOfWeek, List<Interval>> week,
                                            Map<LocalDate, List<Interval>> exceptions) {
        return new ServiceCalendar("test", zone, week, new TreeMap<>(exceptions));
    }

    private static ServiceCalendar office(ZoneId zone) {
        return calendar(zone, weekdays(hours("09:00", "18:00")), Map.of());
    }

    private static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static String local(ZoneId zone, Instant instant) {
        return ZonedDateTime.ofInstant(instant, zone).toLocalDateTime().toString();
    }

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    // ---- weekends, holidays, special days ---------------------------------------------------------------------

    @Test
    void add_overAWeekend_continuesOnMonday() {
        ServiceCalendar office = office(PARIS);
        // Friday 2026-12-04 17:00, one hour left that day
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-04T17:00"), h(2)))).isEqualTo("2026-12-07T10:00");
    }

    @Test
    void add_skipsAHoliday() {
        ServiceCalendar withHoliday = calendar(PARIS, weekdays(hours("09:00", "18:00")),
                Map.of(LocalDate.parse("2026-12-07"), List.of()));
        assertThat(local(PARIS, add(withHoliday, at(PARIS, "2026-12-04T17:00"), h(2)))).isEqualTo("2026-12-08T10:00");
    }

    @Test
    void add_usesAShortenedDayAndTheHolidayAfterIt() {
        ServiceCalendar newYear = calendar(PARIS, weekdays(hours("09:00", "18:00")), Map.of(
                LocalDate.parse("2026-12-31"), hours("09:00", "14:00"),
                LocalDate.parse("2027-01-01"), List.of()));
        // Thursday 31st 13:00: one hour left on the short day, Friday 1st is a holiday, then the weekend
        assertThat(local(PARIS, add(newYear, at(PARIS, "2026-12-31T13:00"), h(2)))).isEqualTo("2027-01-04T10:00");
        assertThat(local(PARIS, add(newYear, at(PARIS, "2026-12-31T13:00"), h(1)))).isEqualTo("2026-12-31T14:00");
    }

    @Test
    void add_usesAnExtraWorkingSaturday() {
        ServiceCalendar transferred = calendar(PARIS, weekdays(hours("09:00", "18:00")),
                Map.of(LocalDate.parse("2026-12-05"), hours("10:00", "12:00")));
        assertThat(local(PARIS, add(transferred, at(PARIS, "2026-12-04T17:00"), h(2)))).isEqualTo("2026-12-05T11:00");
        assertThat(local(PARIS, add(transferred, at(PARIS, "2026-12-04T17:00"), h(4)))).isEqualTo("2026-12-07T10:00");
    }

    @Test
    void add_acrossALunchBreakAndDifferentHoursPerWeekday() {
        Map<DayOfWeek, List<Interval>> week = weekdays(hours("09:00", "13:00", "14:00", "18:00"));
        week.put(DayOfWeek.FRIDAY, hours("09:00", "16:00"));
        ServiceCalendar lunch = calendar(PARIS, week, Map.of());
        assertThat(local(PARIS, add(lunch, at(PARIS, "2026-12-03T12:30"), h(1)))).isEqualTo("2026-12-03T14:30");
        assertThat(local(PARIS, add(lunch, at(PARIS, "2026-12-03T12:30"), Duration.ofMinutes(30))))
                .isEqualTo("2026-12-03T13:00");
        // Friday closes at 16:00
        assertThat(local(PARIS, add(lunch, at(PARIS, "2026-12-04T15:00"), h(2)))).isEqualTo("2026-12-07T10:00");
        assertThat(between(lunch, at(PARIS, "2026-12-03T00:00"), at(PARIS, "2026-12-05T00:00"))).isEqualTo(h(15));
    }

    // ---- before opening, after closing, closed day, interval ends, zero -----------------------------------------

    @Test
    void add_beforeOpening_afterClosing_onAClosedDay() {
        ServiceCalendar office = office(PARIS);
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-03T07:00"), h(1)))).isEqualTo("2026-12-03T10:00");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-03T19:00"), h(1)))).isEqualTo("2026-12-04T10:00");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-06T12:00"), h(1)))).isEqualTo("2026-12-07T10:00");
    }

    @Test
    void add_endingExactlyAtClosing_endsAtTheClosingTime() {
        ServiceCalendar office = office(PARIS);
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-03T17:00"), h(1)))).isEqualTo("2026-12-03T18:00");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-04T09:00"), h(9)))).isEqualTo("2026-12-04T18:00");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-03T17:00"), Duration.ofSeconds(3601))))
                .isEqualTo("2026-12-04T09:00:01");
    }

    @Test
    void addZero_insideWorkingTime_isTheInstant_outside_isTheNextOpening() {
        ServiceCalendar office = office(PARIS);
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-03T11:15:30"), Duration.ZERO)))
                .isEqualTo("2026-12-03T11:15:30");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-04T18:00"), Duration.ZERO))).isEqualTo("2026-12-07T09:00");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-05T10:00"), Duration.ZERO))).isEqualTo("2026-12-07T09:00");
        assertThat(between(office, at(PARIS, "2026-12-05T10:00"), at(PARIS, "2026-12-05T10:00"))).isZero();
    }

    @Test
    void precision_isTheSecond() {
        ServiceCalendar office = office(PARIS);
        Instant withNanos = at(PARIS, "2026-12-03T10:00:00.999");
        assertThat(add(office, withNanos, Duration.ofMillis(1500))).isEqualTo(at(PARIS, "2026-12-03T10:00:01"));
    }

    // ---- budgets spanning days and weeks -------------------------------------------------------------------------

    @Test
    void add_budgetsSpanningDaysAndWeeks() {
        ServiceCalendar office = office(PARIS);
        // 45 h a week: 100 h from Monday 09:00 = two weeks, a Monday and an hour
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-07T09:00"), h(100)))).isEqualTo("2026-12-22T10:00");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-07T09:00"), h(45)))).isEqualTo("2026-12-11T18:00");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-07T09:00"), h(90)))).isEqualTo("2026-12-18T18:00");
        assertThat(local(PARIS, add(office, at(PARIS, "2026-12-03T15:00"), h(20)))).isEqualTo("2026-12-07T17:00");
        // a year of work (45 h x 52 weeks) from Monday 2026-01-05 09:00 ends on Friday 2027-01-01 18:00
        assertThat(local(PARIS, add(office, at(PARIS, "2026-01-05T09:00"), h(45 * 52)))).isEqualTo("2027-01-01T18:00");
    }

    // ---- 24-hour days, 23:59 and 24:00 ------------------------------------------------------------------------

    @Test
    void twentyFourHourDays_countEveryHour() {
        ServiceCalendar always = calendar(ZoneId.of("UTC"), everyDay(hours("00:00", "24:00")), Map.of());
        Instant start = Instant.parse("2026-12-03T10:20:30Z");
        assertThat(add(always, start, h(72))).isEqualTo(start.plus(h(72)));
        assertThat(add(always, start, Duration.ofDays(400))).isEqualTo(start.plus(Duration.ofDays(400)));
        assertThat(subtract(always, start, Duration.ofDays(400))).isEqualTo(start.minus(Duration.ofDays(400)));
        assertThat(between(always, start, start.plus(Duration.ofDays(10)))).isEqualTo(Duration.ofDays(10));
        // a day ending at 24:00 flows into a day starting at 00:00
        assertThat(add(always, Instant.parse("2026-12-03T23:30:00Z"), h(1))).isEqualTo(Instant.parse("2026-12-04T00:30:00Z"));
    }

    @Test
    void anEndOf2359_meansTheEndOfTheDay_andNightShiftsFlowOverMidnight() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, hours("18:00", "23:59"));
        week.put(DayOfWeek.TUESDAY, hours("00:00", "06:00"));
        ServiceCalendar night = calendar(PARIS, week, Map.of());
        assertThat(Interval.parse("18:00", "23:59")).isEqualTo(Interval.parse("18:00", "24:00"));
        assertThat(Interval.parse("18:00", "23:59").toText()).isEqualTo("24:00");
        assertThat(local(PARIS, add(night, at(PARIS, "2026-12-07T23:00"), h(2)))).isEqualTo("2026-12-08T01:00");
        assertThat(local(PARIS, add(night, at(PARIS, "2026-12-07T18:00"), h(6)))).isEqualTo("2026-12-08T00:00");
        assertThat(between(night, at(PARIS, "2026-12-07T00:00"), at(PARIS, "2026-12-09T00:00"))).isEqualTo(h(12));
        assertThat(local(PARIS, subtract(night, at(PARIS, "2026-12-08T01:00"), h(2)))).isEqualTo("2026-12-07T23:00");
    }

    @Test
    void aCalendarOnlyOpenAroundMidnight_terminates() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, hours("23:59:59", "24:00"));
        ServiceCalendar oneSecond = calendar(PARIS, week, Map.of());
        Instant start = at(PARIS, "2026-12-03T12:00");
        Instant later = add(oneSecond, start, Duration.ofSeconds(3));
        assertThat(local(PARIS, later)).isEqualTo("2026-12-21T00:00");
        assertThat(between(oneSecond, start, later)).isEqualTo(Duration.ofSeconds(3));
        assertThat(subtract(oneSecond, later, Duration.ofSeconds(3))).isEqualTo(at(PARIS, "2026-12-06T23:59:59"));
    }

    @Test
    void aCalendarWithOnlyExceptionDays_refusesABudgetPastItsLastWorkingDay() {
        ServiceCalendar once = calendar(PARIS, Map.of(), Map.of(LocalDate.parse("2026-12-10"), hours("09:00", "10:00")));
        assertThat(local(PARIS, add(once, at(PARIS, "2026-12-03T12:00"), Duration.ofMinutes(30))))
                .isEqualTo("2026-12-10T09:30");
        assertThatThrownBy(() -> add(once, at(PARIS, "2026-12-03T12:00"), h(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working time after 2026-12-10");
        assertThatThrownBy(() -> subtract(once, at(PARIS, "2026-12-20T12:00"), h(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working time before 2026-12-10");
    }

    // ---- DST ----------------------------------------------------------------------------------------------------

    @Test
    void dst_paris_springForward() {
        ServiceCalendar always = calendar(PARIS, everyDay(hours("00:00", "24:00")), Map.of());
        // the night of 2026-03-29 loses 02:00-03:00
        assertThat(between(always, at(PARIS, "2026-03-29T00:00"), at(PARIS, "2026-03-30T00:00"))).isEqualTo(h(23));
        assertThat(local(PARIS, add(always, at(PARIS, "2026-03-28T22:00"), h(4)))).isEqualTo("2026-03-29T03:00");
        // a deadline on office hours across the change keeps the local opening time
        ServiceCalendar office = office(PARIS);
        Instant due = add(office, at(PARIS, "2026-03-27T17:00"), h(2));
        assertThat(local(PARIS, due)).isEqualTo("2026-03-30T10:00");
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void dst_paris_anIntervalInTheGapIsEmpty_oneAcrossItCountsRealTime() {
        ServiceCalendar gap = calendar(PARIS, weekdays(hours("09:00", "18:00")), Map.of(
                LocalDate.parse("2026-03-29"), hours("02:15", "02:45")));
        assertThat(between(gap, at(PARIS, "2026-03-28T00:00"), at(PARIS, "2026-03-30T00:00"))).isZero();
        assertThat(local(PARIS, add(gap, at(PARIS, "2026-03-27T18:00"), h(1)))).isEqualTo("2026-03-30T10:00");
        ServiceCalendar across = calendar(PARIS, weekdays(hours("09:00", "18:00")), Map.of(
                LocalDate.parse("2026-03-29"), hours("01:00", "02:30", "04:00", "05:00")));
        // 01:00-02:30 is 01:00 CET to 03:00 CEST: one real hour
        assertThat(between(across, at(PARIS, "2026-03-29T00:00"), at(PARIS, "2026-03-30T00:00"))).isEqualTo(h(2));
        assertThat(local(PARIS, add(across, at(PARIS, "2026-03-29T00:00"), Duration.ofMinutes(90))))
                .isEqualTo("2026-03-29T04:30");
    }

    @Test
    void dst_paris_fallBack() {
        ServiceCalendar always = calendar(PARIS, everyDay(hours("00:00", "24:00")), Map.of());
        assertThat(between(always, at(PARIS, "2026-10-25T00:00"), at(PARIS, "2026-10-26T00:00"))).isEqualTo(h(25));
        // ambiguous 02:00 takes the earlier offset (CEST): 01:00-02:30 lasts 1.5 h, 01:00-03:00 lasts 3 h
        ServiceCalendar night = calendar(PARIS, weekdays(hours("09:00", "18:00")), Map.of(
                LocalDate.parse("2026-10-25"), hours("01:00", "03:00")));
        assertThat(between(night, at(PARIS, "2026-10-25T00:00"), at(PARIS, "2026-10-26T00:00"))).isEqualTo(h(3));
        Instant due = add(office(PARIS), at(PARIS, "2026-10-23T17:00"), h(2));
        assertThat(local(PARIS, due)).isEqualTo("2026-10-26T10:00");
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    }

    @Test
    void dst_newYork_bothDirections() {
        ServiceCalendar office = calendar(NEW_YORK, weekdays(hours("09:00", "17:00")), Map.of());
        Instant spring = add(office, at(NEW_YORK, "2026-03-06T16:00"), h(2));
        assertThat(spring).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        Instant fall = add(office, at(NEW_YORK, "2026-10-30T16:00"), h(2));
        assertThat(fall).isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
        assertThat(subtract(office, fall, h(2))).isEqualTo(at(NEW_YORK, "2026-10-30T16:00"));

        ServiceCalendar always = calendar(NEW_YORK, everyDay(hours("00:00", "24:00")), Map.of());
        assertThat(between(always, at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-09T00:00"))).isEqualTo(h(23));
        assertThat(between(always, at(NEW_YORK, "2026-11-01T00:00"), at(NEW_YORK, "2026-11-02T00:00"))).isEqualTo(h(25));
        assertThat(local(NEW_YORK, add(always, at(NEW_YORK, "2026-03-08T01:30"), h(1)))).isEqualTo("2026-03-08T03:30");

        ServiceCalendar gap = calendar(NEW_YORK, weekdays(hours("09:00", "17:00")), Map.of(
                LocalDate.parse("2026-03-08"), hours("02:00", "03:00"),
                LocalDate.parse("2026-03-07"), hours("01:30", "02:30")));
        assertThat(between(gap, at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-09T00:00"))).isZero();
        assertThat(between(gap, at(NEW_YORK, "2026-03-07T00:00"), at(NEW_YORK, "2026-03-08T00:00"))).isEqualTo(h(1));
    }

    @Test
    void dst_newYork_anIntervalStartingInTheGapStartsAtItsEnd_andAnAmbiguousEndTakesTheEarlierOffset() {
        ServiceCalendar nights = calendar(NEW_YORK, weekdays(hours("09:00", "17:00")), Map.of(
                LocalDate.parse("2026-03-08"), hours("02:30", "04:00"),
                LocalDate.parse("2026-11-01"), hours("01:00", "01:30", "01:45", "02:00")));
        // 02:30 does not exist on 2026-03-08: the interval starts at 03:00 EDT and lasts one hour
        assertThat(between(nights, at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-09T00:00"))).isEqualTo(h(1));
        assertThat(local(NEW_YORK, add(nights, at(NEW_YORK, "2026-03-08T00:00"), Duration.ofMinutes(30))))
                .isEqualTo("2026-03-08T03:30");
        // 01:00-01:30 on 2026-11-01 is EDT (05:00Z-05:30Z); 01:45 EDT to 02:00 EST is 1 h 15 min
        assertThat(between(nights, at(NEW_YORK, "2026-11-01T00:00"), at(NEW_YORK, "2026-11-02T00:00")))
                .isEqualTo(Duration.ofMinutes(105));
        assertThat(add(nights, at(NEW_YORK, "2026-11-01T00:00"), Duration.ofMinutes(30)))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(add(nights, at(NEW_YORK, "2026-11-01T00:00"), Duration.ofMinutes(90)))
                .isEqualTo(Instant.parse("2026-11-01T06:45:00Z"));
    }

    @Test
    void budgetsOfWholeWeeksAcrossADstChange_countTheRealTime() {
        // three office weeks from Monday 2026-03-16 09:00 Paris end on Friday 2026-04-03 18:00 CEST
        assertThat(add(office(PARIS), at(PARIS, "2026-03-16T09:00"), h(3 * 45)))
                .isEqualTo(Instant.parse("2026-04-03T16:00:00Z"));
        assertThat(subtract(office(PARIS), Instant.parse("2026-04-03T16:00:00Z"), h(3 * 45)))
                .isEqualTo(at(PARIS, "2026-03-16T09:00"));
        // round the clock, two weeks are 336 real hours: the local time shows the lost hour
        ServiceCalendar always = calendar(PARIS, everyDay(hours("00:00", "24:00")), Map.of());
        Instant start = at(PARIS, "2026-03-23T00:00");
        assertThat(add(always, start, h(336))).isEqualTo(start.plus(h(336)));
        assertThat(local(PARIS, add(always, start, h(336)))).isEqualTo("2026-04-06T01:00");
        ServiceCalendar alwaysNewYork = calendar(NEW_YORK, everyDay(hours("00:00", "24:00")), Map.of());
        Instant fall = at(NEW_YORK, "2026-10-26T00:00");
        assertThat(local(NEW_YORK, add(alwaysNewYork, fall, h(336)))).isEqualTo("2026-11-08T23:00");
        assertThat(between(alwaysNewYork, fall, at(NEW_YORK, "2026-11-09T00:00"))).isEqualTo(h(337));
    }

    @Test
    void subtractZero_insideWorkingTime_isTheInstant() {
        assertThat(subtract(office(PARIS), at(PARIS, "2026-12-03T11:15:30"), Duration.ZERO))
                .isEqualTo(at(PARIS, "2026-12-03T11:15:30"));
    }

    // ---- subtract, between --------------------------------------------------------------------------------------

    @Test
    void subtract_goesBackOverClosedTime() {
        ServiceCalendar office = office(PARIS);
        assertThat(local(PARIS, subtract(office, at(PARIS, "2026-12-07T10:00"), h(2)))).isEqualTo("2026-12-04T17:00");
        assertThat(local(PARIS, subtract(office, at(PARIS, "2026-12-07T10:00"), h(1)))).isEqualTo("2026-12-07T09:00");
        assertThat(local(PARIS, subtract(office, at(PARIS, "2026-12-06T10:00"), Duration.ZERO))).isEqualTo("2026-12-04T18:00");
        assertThat(local(PARIS, subtract(office, at(PARIS, "2026-12-22T10:00"), h(100)))).isEqualTo("2026-12-07T09:00");
        assertThat(add(office, at(PARIS, "2026-12-07T10:00"), h(-2))).isEqualTo(at(PARIS, "2026-12-04T17:00"));
    }

    @Test
    void subtract_isTheInverseOfAdd_andBetweenMeasuresAdd() {
        ServiceCalendar mixed = calendar(PARIS, weekdays(hours("08:30", "12:00", "13:00", "17:45")), Map.of(
                LocalDate.parse("2026-03-25"), List.of(),
                LocalDate.parse("2026-03-28"), hours("10:00", "14:00"),
                LocalDate.parse("2026-03-29"), hours("01:00", "02:30"),
                LocalDate.parse("2026-10-25"), hours("01:00", "03:00", "10:00", "24:00"),
                LocalDate.parse("2026-12-31"), hours("08:30", "12:00")));
        Random random = new Random(19);
        Instant base = at(PARIS, "2026-01-01T00:00");
        int checked = 0;
        while (checked < 400) {
            Instant t = base.plusSeconds(random.nextInt(365 * 86_400));
            Duration d = Duration.ofSeconds(1 + random.nextInt(random.nextBoolean() ? 20 * 3600 : 400 * 3600));
            Instant later = add(mixed, t, d);
            assertThat(between(mixed, t, later)).as("between(%s, add(%s))", t, d).isEqualTo(d);
            Instant back = subtract(mixed, later, d);
            assertThat(between(mixed, back, t)).as("no working time between %s and %s", back, t).isZero();
            if (add(mixed, t, Duration.ZERO).equals(t)) {
                assertThat(back).as("subtract(add(%s, %s))", t, d).isEqualTo(t);
                checked++;
            }
            Instant earlier = subtract(mixed, t, d);
            assertThat(between(mixed, earlier, t)).isEqualTo(d);
        }
    }

    @Test
    void between_sumsAWeek_andIsNegativeBackwards() {
        ServiceCalendar office = office(PARIS);
        assertThat(between(office, at(PARIS, "2026-12-07T00:00"), at(PARIS, "2026-12-14T00:00"))).isEqualTo(h(45));
        assertThat(between(office, at(PARIS, "2026-12-03T12:00"), at(PARIS, "2026-12-10T12:00"))).isEqualTo(h(45));
        assertThat(between(office, at(PARIS, "2026-12-03T12:00"), at(PARIS, "2026-12-03T12:00").plusSeconds(90)))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(between(office, at(PARIS, "2026-12-14T00:00"), at(PARIS, "2026-12-07T00:00"))).isEqualTo(h(-45));
        // a year of 2026 with a holiday and the DST changes: 52 weeks and one weekday (Thursday 2026-01-01), minus 9 h
        ServiceCalendar withHoliday = calendar(PARIS, weekdays(hours("09:00", "18:00")),
                Map.of(LocalDate.parse("2026-07-14"), List.of()));
        assertThat(between(withHoliday, at(PARIS, "2026-01-01T00:00"), at(PARIS, "2027-01-01T00:00")))
                .isEqualTo(h(261 * 9 - 9));
    }

    @Test
    void between_agreesWithCountingMinuteByMinute() {
        ServiceCalendar mixed = calendar(PARIS, weekdays(hours("08:30", "12:00", "13:00", "17:45")), Map.of(
                LocalDate.parse("2026-10-21"), List.of(),
                LocalDate.parse("2026-10-24"), hours("10:00", "14:00"),
                LocalDate.parse("2026-10-25"), hours("01:00", "03:00")));
        Instant from = at(PARIS, "2026-10-12T07:13");
        Instant to = at(PARIS, "2026-11-09T16:41");
        long minutes = 0;
        for (Instant m = from; m.isBefore(to); m = m.plusSeconds(60)) {
            if (isWorking(mixed, m)) {
                minutes++;
            }
        }
        assertThat(between(mixed, from, to)).isEqualTo(Duration.ofMinutes(minutes));
    }

    /** Reference: an instant is working when its local time lies in one of its local date's intervals. */
    private static boolean isWorking(ServiceCalendar calendar, Instant instant) {
        ZonedDateTime local = instant.atZone(calendar.zone());
        int second = local.toLocalTime().toSecondOfDay();
        for (Interval interval : calendar.intervalsOn(local.toLocalDate())) {
            if (second >= interval.fromSecond() && second < interval.toSecond()) {
                // on the fall-back night the repeated hour's local times fall inside 01:00-03:00 both times
                return true;
            }
        }
        return false;
    }

    // ---- refused calendars ----------------------------------------------------------------------------------------

    @Test
    void refusedCalendars_sayWhy() {
        assertThatThrownBy(() -> Interval.parse("18:00", "09:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("18:00-09:00")
                .hasMessageContaining("end must be after the start");
        assertThatThrownBy(() -> Interval.parse("09:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Interval.parse("09:00", "00:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24:00");
        assertThatThrownBy(() -> Interval.parse("25:00", "26:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"25:00\" is not a time of day");
        assertThatThrownBy(() -> calendar(PARIS, weekdays(hours("09:00", "13:00", "12:00", "18:00")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intervals 09:00-13:00 and 12:00-18:00 on Monday overlap");
        assertThatThrownBy(() -> calendar(PARIS, Map.of(), Map.of(LocalDate.parse("2026-12-31"),
                hours("09:00", "14:00", "13:00", "15:00"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("on 2026-12-31 overlap");
        assertThatThrownBy(() -> calendar(PARIS, Map.of(), Map.of(LocalDate.parse("2027-01-01"), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the calendar has no working time at all");
        assertThatThrownBy(() -> new ServiceCalendar(" ", PARIS, weekdays(hours("09:00", "18:00")), new TreeMap<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        // touching intervals are fine
        assertThat(calendar(PARIS, weekdays(hours("09:00", "13:00", "13:00", "18:00")), Map.of()).weekSeconds())
                .isEqualTo(45 * 3600);
    }

    // ---- efficiency -----------------------------------------------------------------------------------------------

    @Test
    void aMonthLongBudgetOverAYearOfExceptions_isQuick() {
        Map<LocalDate, List<Interval>> exceptions = new TreeMap<>();
        for (LocalDate d = LocalDate.parse("2026-01-01"); d.getYear() == 2026; d = d.plusDays(5)) {
            exceptions.put(d, d.getDayOfMonth() % 2 == 0 ? List.of() : hours("10:00", "15:00"));
        }
        ServiceCalendar busy = calendar(PARIS, weekdays(hours("09:00", "13:00", "14:00", "18:00")), exceptions);
        Instant start = at(PARIS, "2026-02-02T09:00");
        Duration month = h(30 * 24);
        Instant due = add(busy, start, month);
        assertThat(between(busy, start, due)).isEqualTo(month);
        long began = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            add(busy, start.plusSeconds(i * 3600L), month);
        }
        long perCallMicros = (System.nanoTime() - began) / 1000 / 1000;
        assertThat(perCallMicros).as("microseconds per add").isLessThan(5000);
    }
}
