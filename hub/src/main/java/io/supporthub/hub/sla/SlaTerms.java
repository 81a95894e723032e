package io.supporthub.hub.sla;

/**
 * The SLA a ticket is held to: the rule that won ({@code ruleId} and {@code ruleName} null when the account's defaults
 * apply), the calendar the times count on, and the standards in working seconds (null: no such standard).
 */
public record SlaTerms(Long ruleId, String ruleName, long calendarId, Long responseSeconds, Long resolutionSeconds) {
}
