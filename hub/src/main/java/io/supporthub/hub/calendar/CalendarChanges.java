package io.supporthub.hub.calendar;

import io.supporthub.hub.db.AfterCommit;
import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction that makes it, that a calendar's working time changed: its hours, exceptions or zone
 * were saved, holidays were imported into it, or it became the default. Planned times counted on it are then stale.
 */
@FunctionalInterface
public interface CalendarChanges {

    void changed(Handle handle, StoredCalendar calendar, AfterCommit afterCommit);
}
