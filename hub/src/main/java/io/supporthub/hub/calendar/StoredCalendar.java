package io.supporthub.hub.calendar;

/** A calendar as stored: its id, whether it is the company's default, and the validated calendar itself. */
public record StoredCalendar(long id, boolean isDefault, ServiceCalendar calendar) {
}
