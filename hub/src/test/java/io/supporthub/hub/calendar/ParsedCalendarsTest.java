package io.supporthub.hub.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A calendar read again with the same columns is not parsed again; any change of them is. */
class ParsedCalendarsTest {

    private static final String HOURS = "{\"mon\": [[\"09:00\", \"18:00\"]], \"tue\": [], \"wed\": [], \"thu\": [], "
            + "\"fri\": [], \"sat\": [], \"sun\": []}";
    private static final String HOLIDAY = "[{\"date\": \"2027-01-04\", \"hours\": []}]";

    @Test
    void theSameColumns_giveTheCalendarParsedBefore() {
        StoredCalendar first = ParsedCalendars.of(900_001, false, "Office", "Europe/Paris", HOURS, "[]");
        assertThat(ParsedCalendars.of(900_001, false, "Office", "Europe/Paris", new String(HOURS), "[]")).isSameAs(first);
    }

    @Test
    void anEditedColumn_isParsedAgain() {
        StoredCalendar before = ParsedCalendars.of(900_002, false, "Office", "Europe/Paris", HOURS, "[]");
        StoredCalendar holiday = ParsedCalendars.of(900_002, false, "Office", "Europe/Paris", HOURS, HOLIDAY);
        assertThat(holiday).isNotSameAs(before);
        assertThat(holiday.calendar().exceptions()).containsKey(LocalDate.of(2027, 1, 4));
        StoredCalendar moved = ParsedCalendars.of(900_002, false, "Office", "America/New_York", HOURS, HOLIDAY);
        assertThat(moved.calendar().zone().getId()).isEqualTo("America/New_York");
        assertThat(ParsedCalendars.of(900_002, true, "Office", "America/New_York", HOURS, HOLIDAY).isDefault()).isTrue();
        assertThat(ParsedCalendars.of(900_002, true, "Renamed", "America/New_York", HOURS, HOLIDAY).calendar().name())
                .isEqualTo("Renamed");
    }
}
