package io.supporthub.hub.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A calendar as stored: its id, whether it is the company's default, the validated calendar itself, and the marks
 * (name, "imported, check it") of its exception days.
 */
public record StoredCalendar(long id, boolean isDefault, ServiceCalendar calendar, NavigableMap<LocalDate, DayMark> marks) {

    public StoredCalendar {
        marks = Collections.unmodifiableNavigableMap(marks == null ? new TreeMap<>() : new TreeMap<>(marks));
    }

    public StoredCalendar(long id, boolean isDefault, ServiceCalendar calendar) {
        this(id, isDefault, calendar, null);
    }

    /** The mark of an exception day; an empty mark for a day without one. */
    public DayMark mark(LocalDate date) {
        return marks.getOrDefault(date, new DayMark(null, false));
    }
}
