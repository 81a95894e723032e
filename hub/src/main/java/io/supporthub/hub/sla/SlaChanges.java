package io.supporthub.hub.sla;

import io.supporthub.hub.db.AfterCommit;
import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction that makes it, that what chooses or counts tickets' SLA changed (a rule, their order,
 * the defaults, a calendar): open tickets' planned times are then stale. {@code reason} says what changed, for people.
 */
@FunctionalInterface
public interface SlaChanges {

    void changed(Handle handle, String reason, AfterCommit afterCommit);
}
