package io.supporthub.hub.inbox;

import io.supporthub.hub.ticket.ReopenPolicy;
import io.supporthub.hub.ticket.TicketStatus;

import java.time.Instant;

/**
 * Where a customer's message goes once the candidate ticket is known (the one last messaged on the address, or
 * named by the email's marker or headers): join it, reopen it, open a follow-up to it, or open a new ticket.
 * Automated mail (auto-replies, bounces) never reopens: it joins the candidate as it is.
 */
public final class ThreadingPolicy {

    public enum Route { NEW_TICKET, JOIN, REOPEN, FOLLOW_UP }

    private final ReopenPolicy reopenPolicy;

    public ThreadingPolicy(ReopenPolicy reopenPolicy) {
        this.reopenPolicy = reopenPolicy;
    }

    /** {@code candidateStatus} is null when there is no candidate. */
    public Route decide(TicketStatus candidateStatus, Instant archivedAt, boolean automated, Instant now) {
        if (candidateStatus == null) {
            return Route.NEW_TICKET;
        }
        if (automated) {
            return Route.JOIN;
        }
        return switch (reopenPolicy.decide(candidateStatus, archivedAt, now)) {
            case JOIN -> Route.JOIN;
            case REOPEN -> Route.REOPEN;
            case FOLLOW_UP -> Route.FOLLOW_UP;
        };
    }
}
