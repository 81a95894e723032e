package io.supporthub.hub.sla;

import java.time.Instant;

/**
 * One recalculation of open tickets' planned times: why it was asked for, how far it got ({@code done} of
 * {@code total} open tickets, {@code failed} whose planned times could not be computed) and its state: pending,
 * running, done, or superseded by a newer request.
 */
public record SlaRecalculation(long id, String reason, Long requestedBy, String state, long nextId, Long endId,
                               int done, int failed, Integer total, Instant createdAt, Instant startedAt,
                               Instant finishedAt) {

    public boolean active() {
        return state.equals("pending") || state.equals("running");
    }
}
