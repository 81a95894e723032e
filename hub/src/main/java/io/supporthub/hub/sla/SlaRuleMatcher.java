package io.supporthub.hub.sla;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The pure choice of a ticket's SLA: top down, the first enabled rule whose conditions all hold wins (a winning rule
 * without any standard means "no SLA" for those tickets); when none matches, the defaults. Nothing when the winner
 * gives no standard or there is no calendar to count on.
 */
public final class SlaRuleMatcher {

    /**
     * A rule with the calendar it counts on resolved: its own, else the default calendar ({@code calendarId} and
     * {@code zone} null only when there is no calendar at all).
     */
    public record Candidate(SlaRule rule, Long calendarId, ZoneId zone) {
    }

    /** The defaults with their calendar resolved the same way. */
    public record ResolvedDefaults(SlaDefaults defaults, Long calendarId) {
    }

    private SlaRuleMatcher() {
    }

    /** {@code rules} in list order. */
    public static Optional<SlaTerms> choose(List<Candidate> rules, ResolvedDefaults defaults, TicketFacts facts) {
        for (Candidate candidate : rules) {
            SlaRule rule = candidate.rule();
            if (rule.enabled() && rule.conditions().holdFor(facts, candidate.zone())) {
                if (candidate.calendarId() == null || (rule.responseSeconds() == null && rule.resolutionSeconds() == null)) {
                    return Optional.empty();
                }
                return Optional.of(new SlaTerms(rule.id(), rule.name(), candidate.calendarId(),
                        seconds(rule.responseSeconds()), seconds(rule.resolutionSeconds())));
            }
        }
        if (defaults == null || defaults.calendarId() == null || !defaults.defaults().givesStandard()) {
            return Optional.empty();
        }
        return Optional.of(new SlaTerms(null, null, defaults.calendarId(),
                seconds(defaults.defaults().responseSeconds()), seconds(defaults.defaults().resolutionSeconds())));
    }

    private static Long seconds(Integer value) {
        return value == null ? null : value.longValue();
    }
}
