package io.supporthub.hub.sla;

import java.time.Instant;

/**
 * A ticket's SLA columns, as {@link TicketSlaWriter} reads and writes them (all null: the ticket has no SLA). The
 * standards are working seconds; {@code dueAt} is the nearest unmet planned time while the clock runs, {@code alertAt}
 * when the warnings job must next look.
 */
public record TicketSlaRow(Long ruleId, Long calendarId, Long responseSeconds, Long resolutionSeconds, Boolean paused,
                           Instant responseDueAt, Instant resolutionDueAt, Boolean resolutionDueByHand,
                           Instant respondedAt, Long responseWorkingSeconds, Long responseDiffSeconds,
                           Long resolutionWorkingSeconds, Long resolutionDiffSeconds, Instant dueAt, Instant alertAt) {

    static final String COLUMNS = "sla_rule_id, sla_calendar_id, sla_response_seconds, sla_resolution_seconds, sla_paused, "
            + "response_due_at, resolution_due_at, resolution_due_by_hand, sla_responded_at, response_working_seconds, "
            + "response_diff_seconds, resolution_working_seconds, resolution_diff_seconds, sla_due_at, sla_alert_at";

    static final TicketSlaRow NONE = new TicketSlaRow(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    boolean byHand() {
        return Boolean.TRUE.equals(resolutionDueByHand);
    }

    /** The same row with other terms; what they decide is computed again by the writer. */
    TicketSlaRow withTerms(SlaTerms terms) {
        return new TicketSlaRow(terms.ruleId(), terms.calendarId(), terms.responseSeconds(), terms.resolutionSeconds(),
                paused, responseDueAt, resolutionDueAt, resolutionDueByHand, respondedAt, responseWorkingSeconds,
                responseDiffSeconds, resolutionWorkingSeconds, resolutionDiffSeconds, dueAt, alertAt);
    }

    TicketSlaRow withRespondedAt(Instant at) {
        return new TicketSlaRow(ruleId, calendarId, responseSeconds, resolutionSeconds, paused, responseDueAt,
                resolutionDueAt, resolutionDueByHand, at, responseWorkingSeconds, responseDiffSeconds,
                resolutionWorkingSeconds, resolutionDiffSeconds, dueAt, alertAt);
    }

    TicketSlaRow withResolutionByHand(Instant at) {
        return new TicketSlaRow(ruleId, calendarId, responseSeconds, resolutionSeconds, paused, responseDueAt,
                at, at != null ? Boolean.TRUE : null, respondedAt, responseWorkingSeconds, responseDiffSeconds,
                resolutionWorkingSeconds, resolutionDiffSeconds, dueAt, alertAt);
    }
}
