package io.supporthub.hub.calendar;

/**
 * What an exception day says besides its hours: its name (e.g. "New Year's Day", may be null) and whether it was
 * imported from holiday data and not yet checked by an admin. Kept beside the {@link ServiceCalendar}, which only
 * does arithmetic.
 */
public record DayMark(String name, boolean imported) {

    static final int MAX_NAME = 200;

    public DayMark {
        if (name != null) {
            name = name.strip();
            if (name.isEmpty()) {
                name = null;
            }
        }
    }

    boolean isEmpty() {
        return name == null && !imported;
    }
}
