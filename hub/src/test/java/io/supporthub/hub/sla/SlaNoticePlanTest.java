package io.supporthub.hub.sla;

import io.supporthub.hub.calendar.ServiceCalendar;
import io.supporthub.hub.calendar.ServiceCalendar.Interval;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** When notices fall due, on an office calendar (Monday to Friday 09:00–18:00 UTC), and how they read. */
class SlaNoticePlanTest {

    static final ServiceCalendar OFFICE = office();
    static final Duration HALF_HOUR = Duration.ofMinutes(30);
    // Monday 2 Nov 2026
    static final Instant MONDAY_0910 = Instant.parse("2026-11-02T09:10:00Z");

    private static ServiceCalendar office() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(Interval.parse("09:00", "18:00")));
        }
        return new ServiceCalendar("Office", ZoneOffset.UTC, week, new TreeMap<>());
    }

    private static SlaAlertRow row(Instant responseDue, Instant respondedAt, Instant resolutionDue, boolean paused,
                                   String status) {
        return new SlaAlertRow(1, 1234, "Printer", status, 7L, 1L, paused, responseDue, respondedAt, resolutionDue);
    }

    @Test
    void theWarningCountsWorkingMinutesBack_overTheWeekend() {
        List<SlaNoticePlan.Notice> plan = SlaNoticePlan.of(row(MONDAY_0910, null, null, false, "open"), OFFICE, HALF_HOUR);
        assertThat(plan).containsExactly(
                new SlaNoticePlan.Notice(SlaNoticeKind.RESPONSE_WARNING, MONDAY_0910, Instant.parse("2026-10-30T17:40:00Z")),
                new SlaNoticePlan.Notice(SlaNoticeKind.RESPONSE_BREACH, MONDAY_0910, MONDAY_0910));
    }

    @Test
    void nothingIsPlanned_whilePaused_resolved_orClosed_andNoResponseNotice_onceMet() {
        Instant resolution = MONDAY_0910.plus(Duration.ofDays(2));
        assertThat(SlaNoticePlan.of(row(MONDAY_0910, null, resolution, true, "pending"), OFFICE, HALF_HOUR)).isEmpty();
        assertThat(SlaNoticePlan.of(row(MONDAY_0910, null, resolution, false, "resolved"), OFFICE, HALF_HOUR)).isEmpty();
        assertThat(SlaNoticePlan.of(row(MONDAY_0910, null, resolution, false, "closed"), OFFICE, HALF_HOUR)).isEmpty();
        assertThat(SlaNoticePlan.of(row(MONDAY_0910, MONDAY_0910.minusSeconds(60), resolution, false, "open"), OFFICE,
                HALF_HOUR)).extracting(SlaNoticePlan.Notice::kind)
                .containsExactly(SlaNoticeKind.RESOLUTION_WARNING, SlaNoticeKind.RESOLUTION_BREACH);
    }

    @Test
    void theDecision_sendsWhatFellDue_skipsAWarningOvertakenByItsBreach_andNamesTheNextMoment() {
        Instant resolution = MONDAY_0910.plus(Duration.ofHours(5));
        List<SlaNoticePlan.Notice> plan = SlaNoticePlan.of(row(MONDAY_0910, null, resolution, false, "open"), OFFICE,
                HALF_HOUR);

        SlaNoticePlan.Decision beforeAll = SlaNoticePlan.at(plan, Instant.parse("2026-10-30T17:00:00Z"));
        assertThat(beforeAll.toSend()).isEmpty();
        assertThat(beforeAll.nextAlertAt()).isEqualTo(Instant.parse("2026-10-30T17:40:00Z"));

        SlaNoticePlan.Decision warned = SlaNoticePlan.at(plan, Instant.parse("2026-10-30T17:41:00Z"));
        assertThat(warned.toSend()).extracting(SlaNoticePlan.Notice::kind).containsExactly(SlaNoticeKind.RESPONSE_WARNING);
        assertThat(warned.nextAlertAt()).isEqualTo(MONDAY_0910);

        SlaNoticePlan.Decision late = SlaNoticePlan.at(plan, MONDAY_0910.plusSeconds(60));
        assertThat(late.toSend()).as("the warning's moment passed with its planned time: just the breach")
                .extracting(SlaNoticePlan.Notice::kind).containsExactly(SlaNoticeKind.RESPONSE_BREACH);
        assertThat(late.nextAlertAt()).isEqualTo(resolution.minus(HALF_HOUR));

        SlaNoticePlan.Decision end = SlaNoticePlan.at(plan, resolution);
        assertThat(end.toSend()).extracting(SlaNoticePlan.Notice::kind)
                .containsExactly(SlaNoticeKind.RESPONSE_BREACH, SlaNoticeKind.RESOLUTION_BREACH);
        assertThat(end.nextAlertAt()).as("nothing left to come").isNull();
    }

    @Test
    void noWarningLeadTime_meansBreachNoticesOnly() {
        assertThat(SlaNoticePlan.of(row(MONDAY_0910, null, null, false, "open"), OFFICE, Duration.ZERO))
                .extracting(SlaNoticePlan.Notice::kind).containsExactly(SlaNoticeKind.RESPONSE_BREACH);
    }

    @Test
    void theTexts_inTheReadersZone_nameTheDayWhenItIsNotToday() {
        Instant now = Instant.parse("2026-11-02T13:00:00Z");
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(SlaNoticeText.of(SlaNoticeKind.RESPONSE_WARNING, 1234, "Printer", now.plus(HALF_HOUR), now, paris))
                .isEqualTo("Ticket #1234 'Printer': response due in 30 min (at 14:30)");
        assertThat(SlaNoticeText.of(SlaNoticeKind.RESOLUTION_BREACH, 1234, "Printer", now.minusSeconds(60), now, paris))
                .isEqualTo("Ticket #1234 'Printer': resolution overdue since 13:59");
        assertThat(SlaNoticeText.of(SlaNoticeKind.RESOLUTION_WARNING, 77, null, Instant.parse("2026-11-03T08:00:00Z"),
                now, paris)).isEqualTo("Ticket #77: resolution due in 19 h (at 3 Nov 09:00)");
        assertThat(SlaNoticeText.span(Duration.ofMinutes(75).minusSeconds(20))).isEqualTo("1 h 15 min");
    }
}
