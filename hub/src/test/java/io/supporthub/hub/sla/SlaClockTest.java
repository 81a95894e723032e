package io.supporthub.hub.sla;

import io.supporthub.hub.calendar.ServiceCalendar;
import io.supporthub.hub.calendar.ServiceCalendar.Interval;
import io.supporthub.hub.sla.SlaClock.Change;
import io.supporthub.hub.sla.SlaClock.Reading;
import io.supporthub.hub.sla.SlaClock.Run;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.supporthub.hub.sla.SlaClock.Run.PAUSED;
import static io.supporthub.hub.sla.SlaClock.Run.RUNNING;
import static io.supporthub.hub.sla.SlaClock.Run.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

class SlaClockTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long HOUR = 3600;

    /** Monday to Friday, 09:00-18:00 in Paris, with the given holidays. */
    private static ServiceCalendar office(LocalDate... holidays) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(Interval.parse("09:00", "18:00")));
        }
        TreeMap<LocalDate, List<Interval>> exceptions = new TreeMap<>();
        for (LocalDate holiday : holidays) {
            exceptions.put(holiday, List.of());
        }
        return new ServiceCalendar("office", PARIS, week, exceptions);
    }

    private static ServiceCalendar allTheTime() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(Interval.parse("00:00", "24:00")));
        }
        return new ServiceCalendar("24/7", PARIS, week, new TreeMap<>());
    }

    /** A local Paris time on 2026-12-07 (a Monday) plus {@code days}. */
    private static Instant mon(int days, String time) {
        return LocalDateTime.of(LocalDate.of(2026, 12, 7).plusDays(days), java.time.LocalTime.parse(time))
                .atZone(PARIS).toInstant();
    }

    private static List<Change> history(Object... atAndRun) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < atAndRun.length; i += 2) {
            changes.add(new Change((Instant) atAndRun[i], (Run) atAndRun[i + 1]));
        }
        return changes;
    }

    private static Reading read(ServiceCalendar calendar, List<Change> history, Instant respondedAt, Instant now) {
        return SlaClock.read(calendar, history, HOUR, 4 * HOUR, respondedAt, null, now);
    }

    @Test
    void aRunningTicket_isDueAfterItsStandardsInWorkingTime() {
        Reading reading = read(office(), history(mon(0, "16:00"), RUNNING), null, mon(0, "16:30"));
        assertThat(reading.responseDueAt()).isEqualTo(mon(0, "17:00"));
        assertThat(reading.resolutionDueAt()).isEqualTo(mon(1, "11:00"));
        assertThat(reading.nearestDueAt()).isEqualTo(mon(0, "17:00"));
        assertThat(reading.resolutionWorkingSeconds()).isEqualTo(1800);
        assertThat(reading.overdue()).isFalse();
        assertThat(reading.paused()).isFalse();
    }

    @Test
    void severalPauseCycles_countOnlyTheRunningSegments_andShowNoDueTimeWhilePaused() {
        List<Change> changes = history(mon(0, "10:00"), RUNNING, mon(0, "11:00"), PAUSED, mon(0, "13:00"), RUNNING,
                mon(0, "14:00"), PAUSED);
        Reading paused = read(office(), changes, mon(0, "10:30"), mon(0, "14:30"));
        assertThat(paused.paused()).isTrue();
        assertThat(paused.resolutionDueAt()).isNull();
        assertThat(paused.nearestDueAt()).isNull();
        assertThat(paused.overdue()).isFalse();
        assertThat(paused.resolutionWorkingSeconds()).isEqualTo(2 * HOUR);

        changes.add(new Change(mon(0, "15:00"), RUNNING));
        Reading resumed = read(office(), changes, mon(0, "10:30"), mon(0, "15:00"));
        assertThat(resumed.resolutionDueAt()).as("2 h used before, 2 h from 15:00").isEqualTo(mon(0, "17:00"));
        assertThat(resumed.nearestDueAt()).isEqualTo(mon(0, "17:00"));
        assertThat(resumed.responseDueAt()).as("met at 10:30, its planned time stays").isEqualTo(mon(0, "11:00"));
        assertThat(resumed.responseWorkingSeconds()).isEqualTo(1800);
    }

    @Test
    void aTicketCreatedInAPausingStatus_startsPaused_andCountsFromItsResume() {
        Reading created = read(office(), history(mon(0, "10:00"), PAUSED), null, mon(0, "10:00"));
        assertThat(created.paused()).isTrue();
        assertThat(created.responseDueAt()).isNull();
        assertThat(created.resolutionDueAt()).isNull();
        assertThat(created.resolutionWorkingSeconds()).isZero();

        Reading resumed = read(office(), history(mon(0, "10:00"), PAUSED, mon(0, "12:00"), RUNNING), null, mon(0, "12:00"));
        assertThat(resumed.responseDueAt()).isEqualTo(mon(0, "13:00"));
        assertThat(resumed.resolutionDueAt()).isEqualTo(mon(0, "16:00"));
    }

    @Test
    void resolvedStopsBothClocks_andAReopenedTicketGoesOnFromWhereItStopped() {
        List<Change> changes = history(mon(0, "10:00"), RUNNING, mon(0, "11:00"), STOPPED);
        Reading resolved = read(office(), changes, mon(0, "11:00"), mon(1, "09:30"));
        assertThat(resolved.run()).isEqualTo(STOPPED);
        assertThat(resolved.resolutionDueAt()).isNull();
        assertThat(resolved.nearestDueAt()).isNull();
        assertThat(resolved.resolutionWorkingSeconds()).isEqualTo(HOUR);

        changes.add(new Change(mon(1, "10:00"), RUNNING));
        Reading reopened = read(office(), changes, mon(0, "11:00"), mon(1, "10:00"));
        assertThat(reopened.resolutionDueAt()).as("1 h used on Monday, 3 h from Tuesday 10:00").isEqualTo(mon(1, "13:00"));
        assertThat(reopened.resolutionWorkingSeconds()).isEqualTo(HOUR);
    }

    @Test
    void anUnansweredTicketResolvedByTheCustomer_hasNoResponseTimeLeftToMeet() {
        Reading reading = read(office(), history(mon(0, "10:00"), RUNNING, mon(0, "10:20"), STOPPED), null, mon(0, "12:00"));
        assertThat(reading.responseDueAt()).isNull();
        assertThat(reading.overdue()).isFalse();
    }

    @Test
    void overdue_onlyWhileRunning() {
        List<Change> running = history(mon(0, "10:00"), RUNNING);
        Reading late = read(office(), running, null, mon(0, "11:30"));
        assertThat(late.overdue()).isTrue();
        assertThat(late.nearestDueAt()).isEqualTo(mon(0, "11:00"));
        assertThat(late.responseWorkingSeconds()).isEqualTo(90 * 60);

        Reading answered = read(office(), running, mon(0, "10:40"), mon(0, "11:30"));
        assertThat(answered.overdue()).as("response met, resolution due at 14:00").isFalse();
        assertThat(answered.nearestDueAt()).isEqualTo(mon(0, "14:00"));

        Reading lateButPaused = read(office(), history(mon(0, "10:00"), RUNNING, mon(0, "11:15"), PAUSED), null,
                mon(0, "11:30"));
        assertThat(lateButPaused.overdue()).isFalse();
    }

    @Test
    void anAnswerLateAfterAPause_isMeasuredInRunningTimeOnly() {
        List<Change> changes = history(mon(0, "10:00"), RUNNING, mon(0, "10:30"), PAUSED, mon(0, "15:00"), RUNNING);
        Reading reading = read(office(), changes, mon(0, "15:45"), mon(0, "16:00"));
        assertThat(reading.responseDueAt()).as("30 min before the pause, 30 after").isEqualTo(mon(0, "15:30"));
        assertThat(reading.responseWorkingSeconds()).isEqualTo(75 * 60);
    }

    @Test
    void aLaterCalendarEdit_isRecomputedFromTheHistory_stillHonouringEarlierPauses() {
        List<Change> changes = history(mon(0, "10:00"), RUNNING, mon(0, "11:00"), PAUSED, mon(0, "13:00"), RUNNING);
        assertThat(read(office(), changes, null, mon(0, "13:00")).resolutionDueAt()).isEqualTo(mon(0, "16:00"));
        // Tuesday becomes a holiday and the resolution does not fit on Monday afternoon any more with 6 hours.
        Reading edited = SlaClock.read(office(LocalDate.of(2026, 12, 8)), changes, HOUR, 6 * HOUR, null, null, mon(0, "13:00"));
        assertThat(edited.resolutionDueAt()).as("1 h before the pause, 5 h on: 13:00-18:00 Monday").isEqualTo(mon(0, "18:00"));
        Reading longer = SlaClock.read(office(LocalDate.of(2026, 12, 8)), changes, HOUR, 8 * HOUR, null, null, mon(0, "13:00"));
        assertThat(longer.resolutionDueAt()).as("Tuesday is a holiday: Wednesday 11:00").isEqualTo(mon(2, "11:00"));
    }

    @Test
    void aFlagRecordedThen_decides_notTheFlagNow() {
        // The history carries each status's flag as it was recorded: the same statuses read with other runs differ.
        List<Change> pausedThen = history(mon(0, "10:00"), RUNNING, mon(0, "11:00"), PAUSED, mon(0, "12:00"), RUNNING);
        List<Change> runningThen = history(mon(0, "10:00"), RUNNING, mon(0, "11:00"), RUNNING, mon(0, "12:00"), RUNNING);
        assertThat(read(office(), pausedThen, null, mon(0, "12:00")).resolutionDueAt()).isEqualTo(mon(0, "15:00"));
        assertThat(read(office(), runningThen, null, mon(0, "12:00")).resolutionDueAt()).isEqualTo(mon(0, "14:00"));
    }

    @Test
    void acrossTheSpringDstChange_workingTimeIsRealSeconds_andPausesStillCount() {
        Instant saturdayNoon = LocalDateTime.of(2026, 3, 28, 12, 0).atZone(PARIS).toInstant();
        Reading reading = SlaClock.read(allTheTime(), history(saturdayNoon, RUNNING), null, 24 * HOUR, null, null,
                saturdayNoon);
        assertThat(reading.resolutionDueAt()).as("Sunday 13:00 CEST, 24 real hours later")
                .isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));
        Instant pause = saturdayNoon.plusSeconds(HOUR);
        Reading paused = SlaClock.read(allTheTime(), history(saturdayNoon, RUNNING, pause, PAUSED,
                pause.plusSeconds(2 * HOUR), RUNNING), null, 24 * HOUR, null, null, pause.plusSeconds(2 * HOUR));
        assertThat(paused.resolutionDueAt()).isEqualTo(Instant.parse("2026-03-29T13:00:00Z"));
    }

    @Test
    void aResolutionTimeSetByHand_isKept_andCountsForOverdue() {
        Instant byHand = mon(3, "12:00");
        Reading reading = SlaClock.read(office(), history(mon(0, "10:00"), RUNNING), null, 4 * HOUR, mon(0, "10:05"),
                byHand, mon(3, "12:30"));
        assertThat(reading.resolutionDueAt()).isEqualTo(byHand);
        assertThat(reading.overdue()).isTrue();
        Reading paused = SlaClock.read(office(), history(mon(0, "10:00"), RUNNING, mon(1, "10:00"), PAUSED), null,
                4 * HOUR, mon(0, "10:05"), byHand, mon(3, "12:30"));
        assertThat(paused.resolutionDueAt()).isEqualTo(byHand);
        assertThat(paused.overdue()).isFalse();
    }

    @Test
    void noStandard_noPlannedTime() {
        Reading reading = SlaClock.read(office(), history(mon(0, "10:00"), RUNNING), null, null, null, null, mon(0, "11:00"));
        assertThat(reading.responseDueAt()).isNull();
        assertThat(reading.resolutionDueAt()).isNull();
        assertThat(reading.nearestDueAt()).isNull();
        assertThat(reading.overdue()).isFalse();
    }
}
