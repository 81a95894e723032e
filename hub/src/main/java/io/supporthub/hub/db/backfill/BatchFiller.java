package io.supporthub.hub.db.backfill;

import org.jdbi.v3.core.Handle;

/**
 * Fills one batch of a back-fill whose values SQL alone cannot compute (its row in {@code backfill} has no
 * {@code set_clause}): the rows of the table with {@code fromId <= id < toId} that are still pending, inside the
 * batch's transaction. Returns how many rows it changed.
 */
@FunctionalInterface
public interface BatchFiller {

    long fill(Handle handle, long fromId, long toId);
}
