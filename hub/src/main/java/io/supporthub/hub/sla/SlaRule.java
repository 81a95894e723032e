package io.supporthub.hub.sla;

/**
 * One SLA rule as stored: its place in the list, whether it is enabled, its conditions, the calendar it counts on
 * ({@code calendarId} null: the company's default calendar at the time of use) and its standards in working seconds
 * (null: no such standard).
 */
public record SlaRule(long id, String name, int position, boolean enabled, SlaConditions conditions, Long calendarId,
                      Integer responseSeconds, Integer resolutionSeconds) {
}
