package io.supporthub.hub.channelevent;

import io.supporthub.hub.inbox.AcceptResult;

import java.util.List;
import java.util.Objects;

/**
 * What came of taking a payload: a fetched one the first time, or one kept aside again.
 *
 * @param outcome   {@code stored} (taken, or nothing left to take), {@code duplicate} (every message was already
 *                  stored), {@code kept_aside} (still cannot be processed) or {@code held} (kept aside on purpose by
 *                  its path, in the transaction that took it)
 * @param ticketIds the tickets its messages went to
 * @param reason    why it is still kept aside, or null
 */
public record Replayed(String outcome, List<Long> ticketIds, String reason) {

    public static final String STORED = "stored";
    public static final String DUPLICATE = "duplicate";
    public static final String KEPT_ASIDE = "kept_aside";
    /** Kept aside already by the path that took it, on purpose (a mail from an unknown sender waiting to be accepted). */
    public static final String HELD = "held";

    public static Replayed held() {
        return new Replayed(HELD, List.of(), null);
    }

    public boolean keptAside() {
        return KEPT_ASIDE.equals(outcome);
    }

    public static Replayed keptAside(String reason) {
        return new Replayed(KEPT_ASIDE, List.of(), reason);
    }

    public static Replayed of(List<AcceptResult> accepted) {
        boolean duplicate = !accepted.isEmpty()
                && accepted.stream().allMatch(result -> result.outcome() == AcceptResult.Outcome.DUPLICATE);
        List<Long> tickets = accepted.stream().map(AcceptResult::ticketId).filter(Objects::nonNull).distinct().toList();
        return new Replayed(duplicate ? DUPLICATE : STORED, tickets, null);
    }
}
