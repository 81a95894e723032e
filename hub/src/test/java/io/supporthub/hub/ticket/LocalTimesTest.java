package io.supporthub.hub.ticket;

import io.supporthub.hub.error.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wall-clock times in a zone turned into instants, across DST changes, and the postpone picker's quick choices. */
class LocalTimesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aTimeInTheSpringGapMovesForwardByTheGap() {
        // 28 March 2027: clocks go from 02:00 CET to 03:00 CEST; 02:30 does not exist and becomes 03:30 CEST.
        Instant resolved = LocalTimes.resolve(LocalDateTime.parse("2027-03-28T02:30"), PARIS);
        assertThat(resolved).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(resolved.atZone(PARIS).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T03:30"));
        assertThat(resolved.atZone(PARIS).getOffset().getId()).isEqualTo("+02:00");
    }

    @Test
    void anAmbiguousAutumnTimeTakesTheEarlierOffset() {
        // 25 October 2026: 02:00-03:00 comes twice (CEST +02:00, then CET +01:00); the first is taken.
        Instant resolved = LocalTimes.resolve(LocalDateTime.parse("2026-10-25T02:30"), PARIS);
        assertThat(resolved).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(resolved.atZone(PARIS).getOffset().getId()).isEqualTo("+02:00");
    }

    @Test
    void anOrdinaryTimeIsTheZonesWallClock() {
        assertThat(LocalTimes.resolve("2026-12-03T09:00", "Europe/Paris")).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
        assertThat(LocalTimes.resolve("2026-12-03T09:00", "Asia/Tokyo")).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    }

    @Test
    void badInputIsRefusedNamingIt() {
        assertThatThrownBy(() -> LocalTimes.resolve("2026-12-03T09:00", "Mars/Olympus"))
                .isInstanceOf(Refusal.class).hasMessageContaining("'Mars/Olympus'")
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE);
        assertThatThrownBy(() -> LocalTimes.resolve("tomorrow", "Europe/Paris"))
                .isInstanceOf(Refusal.class).hasMessageContaining("'tomorrow'");
        assertThatThrownBy(() -> LocalTimes.resolve("2026-12-03T09:00", null))
                .isInstanceOf(Refusal.class).hasMessageContaining("timeZone");
    }

    @Test
    void quickChoicesAreInTheViewersZone() {
        // Thursday 3 Dec 2026, 23:30 UTC: already Friday 4 Dec 08:30 in Tokyo, still Thursday 3 Dec 18:30 in New York.
        Instant now = Instant.parse("2026-12-03T23:30:10Z");
        List<LocalTimes.QuickChoice> tokyo = LocalTimes.quickChoices(now, ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo).extracting(LocalTimes.QuickChoice::label).containsExactly("in 1 hour", "tomorrow 09:00", "Monday 09:00");
        assertThat(tokyo.get(0).until()).isEqualTo(Instant.parse("2026-12-04T00:30:00Z"));
        assertThat(tokyo.get(0).local()).isEqualTo("2026-12-04T09:30");
        assertThat(tokyo.get(1).local()).isEqualTo("2026-12-05T09:00");
        assertThat(tokyo.get(1).until()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(tokyo.get(2).local()).isEqualTo("2026-12-07T09:00");
        assertThat(tokyo.get(2).until()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));

        List<LocalTimes.QuickChoice> newYork = LocalTimes.quickChoices(now, ZoneId.of("America/New_York"));
        assertThat(newYork.get(1).local()).isEqualTo("2026-12-04T09:00");
        assertThat(newYork.get(1).until()).isEqualTo(Instant.parse("2026-12-04T14:00:00Z"));
        assertThat(newYork.get(2).until()).isEqualTo(Instant.parse("2026-12-07T14:00:00Z"));
    }

    @Test
    void mondayIsTheNextMondayEvenOnAMonday() {
        // Monday 2 Nov 2026, 07:00 in Paris: "Monday 09:00" is the 9th, not two hours from now.
        List<LocalTimes.QuickChoice> paris = LocalTimes.quickChoices(Instant.parse("2026-11-02T06:00:00Z"), PARIS);
        assertThat(paris.get(2).local()).isEqualTo("2026-11-09T09:00");
        assertThat(paris.get(2).until()).isEqualTo(Instant.parse("2026-11-09T08:00:00Z"));
    }

    @Test
    void aQuickChoiceOnTheSpringForwardNightStillResolves() {
        // Saturday 27 March 2027 in Paris; tomorrow 09:00 is after the change, at +02:00.
        List<LocalTimes.QuickChoice> paris = LocalTimes.quickChoices(Instant.parse("2027-03-27T12:00:00Z"), PARIS);
        assertThat(paris.get(1).until()).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
    }

    @Test
    void withADefaultCalendar_theQuickChoicesAreItsNextWorkingMornings() {
        // Mon-Fri 09:00-12:00 and 13:00-18:00 in Paris, Friday 4 Dec 2026 a holiday.
        java.util.Map<java.time.DayOfWeek, List<io.supporthub.hub.calendar.ServiceCalendar.Interval>> week =
                new java.util.EnumMap<>(java.time.DayOfWeek.class);
        List<io.supporthub.hub.calendar.ServiceCalendar.Interval> day = List.of(
                io.supporthub.hub.calendar.ServiceCalendar.Interval.parse("09:00", "12:00"),
                io.supporthub.hub.calendar.ServiceCalendar.Interval.parse("13:00", "18:00"));
        for (java.time.DayOfWeek weekday : List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY,
                java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY)) {
            week.put(weekday, day);
        }
        io.supporthub.hub.calendar.ServiceCalendar office = new io.supporthub.hub.calendar.ServiceCalendar("Office",
                PARIS, week, new java.util.TreeMap<>(java.util.Map.of(java.time.LocalDate.parse("2026-12-04"), List.of())));
        // Thursday 3 Dec, 12:30 in Paris: the lunch break's end is not a morning, Friday is the holiday.
        Instant now = Instant.parse("2026-12-03T11:30:00Z");
        List<LocalTimes.QuickChoice> choices = LocalTimes.quickChoices(now, ZoneId.of("America/New_York"),
                java.util.Optional.of(office));
        assertThat(choices).extracting(LocalTimes.QuickChoice::key)
                .containsExactly("in-1-hour", "working-morning", "working-days-2");
        assertThat(choices.get(1).until()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(choices.get(1).label()).isEqualTo("next working morning (Mon 03:00)");
        assertThat(choices.get(1).local()).isEqualTo("2026-12-07T03:00");
        assertThat(choices.get(2).until()).isEqualTo(Instant.parse("2026-12-08T08:00:00Z"));
        assertThat(choices.get(2).label()).isEqualTo("in 2 working days (Tue 03:00)");
        // Before the opening on a working day, that morning is the next.
        assertThat(LocalTimes.quickChoices(Instant.parse("2026-12-07T06:00:00Z"), PARIS, java.util.Optional.of(office))
                .get(1).until()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        // Without a calendar, today's choices.
        assertThat(LocalTimes.quickChoices(now, PARIS, java.util.Optional.empty())).extracting(LocalTimes.QuickChoice::label)
                .containsExactly("in 1 hour", "tomorrow 09:00", "Monday 09:00");
    }
}
