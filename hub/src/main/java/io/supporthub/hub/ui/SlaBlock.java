package io.supporthub.hub.ui;

import io.supporthub.hub.ticket.TicketSla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The ticket page's SLA block: the rule, and for the response and the resolution one line each ("in 40m", "overdue
 * 2h", "met at 2 Nov 09:15 Paris", "paused"), with the exact time in the viewer's zone beside it; the resolution time
 * set by hand is marked, and {@code resolutionInput} fills the field that edits it.
 */
public record SlaBlock(String ruleName, boolean paused, boolean overdue, Line response, Line resolution,
                       boolean byHand, String resolutionInput) {

    /** A planned time as the block says it: {@code state} is due, overdue, met, paused, stopped or none. */
    public record Line(String text, String at, String state) {
    }

    /** Null when the ticket has no SLA. */
    static SlaBlock of(TicketSla sla, boolean stopped, Instant now, ZoneId zone) {
        if (sla == null) {
            return null;
        }
        String rule = sla.ruleName() != null ? sla.ruleName() : sla.ruleId() != null ? "a deleted rule" : "Default terms";
        Line response;
        if (sla.respondedAt() != null) {
            boolean late = sla.responseDiffSeconds() != null && sla.responseDiffSeconds() < 0;
            response = new Line("met " + (late ? "late, " + Format.span(Duration.ofSeconds(-sla.responseDiffSeconds()))
                    + " over, " : "") + "at " + Format.dayTime(sla.respondedAt(), zone), null, late ? "late" : "met");
        } else {
            response = planned(sla.responseDueAt(), sla.paused(), stopped, now, zone);
        }
        Line resolution = stopped && !sla.resolutionDueByHand() ? resolved(sla)
                : planned(sla.resolutionDueAt(), sla.paused(), stopped, now, zone);
        return new SlaBlock(rule, sla.paused(), sla.overdue(), response, resolution, sla.resolutionDueByHand(),
                Format.inputValue(sla.resolutionDueAt(), zone));
    }

    private static Line planned(Instant due, boolean paused, boolean stopped, Instant now, ZoneId zone) {
        if (paused) {
            return new Line("paused", null, "paused");
        }
        if (stopped) {
            return new Line("stopped", null, "stopped");
        }
        if (due == null) {
            return new Line("none", null, "none");
        }
        String at = Format.dayTime(due, zone);
        return due.isBefore(now) ? new Line("overdue " + Format.span(Duration.between(due, now)), at, "overdue")
                : new Line("in " + Format.span(Duration.between(now, due)), at, "due");
    }

    /** A resolved ticket: how much working time it took against the standard. */
    private static Line resolved(TicketSla sla) {
        if (sla.resolutionWorkingSeconds() == null) {
            return new Line("stopped", null, "stopped");
        }
        String took = Format.took(Duration.ofSeconds(sla.resolutionWorkingSeconds()));
        long diff = sla.resolutionDiffSeconds() == null ? 0 : sla.resolutionDiffSeconds();
        return diff < 0 ? new Line("resolved in " + took + ", " + Format.span(Duration.ofSeconds(-diff)) + " late", null, "late")
                : new Line("resolved in " + took + " of working time", null, "met");
    }
}
