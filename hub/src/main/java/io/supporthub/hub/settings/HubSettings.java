package io.supporthub.hub.settings;

/**
 * The settings an admin changes at run time (kept in the {@code setting} table, so every node reads the same):
 * the group new tickets go to (null: none), whether senior specialists see reports, the company's time zone (an IANA
 * id).
 */
public record HubSettings(Long defaultGroupId, boolean seniorsSeeReports, String timeZone) {
}
