package io.supporthub.hub.calendar;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calendars already parsed, by id and by the very text of their columns: a row read again with the same text is the
 * same calendar, so it is not parsed and validated again (on every ticket registration the SLA counts on one, and
 * parsing a year of exception days cost more than the rest of the SLA's work). The text is compared on every read,
 * in the reader's transaction, so an edit on any node is seen at once and there is nothing to invalidate.
 */
final class ParsedCalendars {

    /** More ids than a company has calendars: past this, the map starts again (deleted calendars leave entries). */
    private static final int MAX_ENTRIES = 1_000;

    private record Columns(boolean isDefault, String name, String zone, String hours, String exceptions) {
    }

    private record Entry(Columns columns, StoredCalendar calendar) {
    }

    private static final Map<Long, Entry> BY_ID = new ConcurrentHashMap<>();

    private ParsedCalendars() {
    }

    static StoredCalendar of(long id, boolean isDefault, String name, String zone, String hours, String exceptions) {
        Columns columns = new Columns(isDefault, name, zone, hours, exceptions);
        Entry entry = BY_ID.get(id);
        if (entry != null && Objects.equals(entry.columns(), columns)) {
            return entry.calendar();
        }
        StoredCalendar calendar = CalendarJson.fromColumns(id, isDefault, name, zone, hours, exceptions);
        if (BY_ID.size() >= MAX_ENTRIES) {
            BY_ID.clear();
        }
        BY_ID.put(id, new Entry(columns, calendar));
        return calendar;
    }
}
