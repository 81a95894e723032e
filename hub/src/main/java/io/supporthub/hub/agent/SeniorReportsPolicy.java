package io.supporthub.hub.agent;

/**
 * Whether senior specialists may read reports: a run-time setting an administrator changes ({@code seniorsSeeReports}
 * of {@code /api/settings}). Until the settings exist, {@link #NOT_ALLOWED}.
 */
@FunctionalInterface
public interface SeniorReportsPolicy {

    SeniorReportsPolicy NOT_ALLOWED = () -> false;

    boolean seniorsSeeReports();
}
