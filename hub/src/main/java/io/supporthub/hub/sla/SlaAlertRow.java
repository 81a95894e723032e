package io.supporthub.hub.sla;

import java.time.Instant;

/** What the warnings job reads of a ticket it claimed: enough to plan its notices and word them, nothing more. */
record SlaAlertRow(long id, long number, String subject, String status, Long assigneeId, Long calendarId,
                   Boolean paused, Instant responseDueAt, Instant respondedAt, Instant resolutionDueAt) {

    /** Resolved and closed tickets stop both clocks: nothing is due on them. */
    boolean stopped() {
        return "resolved".equals(status) || "closed".equals(status);
    }
}
