package io.supporthub.hub.sla;

import io.supporthub.hub.sla.SlaRuleMatcher.Candidate;
import io.supporthub.hub.sla.SlaRuleMatcher.ResolvedDefaults;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure choice: order, disabled rules, each condition, the registration time in the calendar's zone, defaults. */
class SlaRuleMatcherTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    // Thursday 2026-12-03 10:00 in Moscow (07:00 UTC), 02:00 in New York
    private static final Instant THURSDAY_MORNING_MOSCOW = Instant.parse("2026-12-03T07:00:00Z");
    private static final ResolvedDefaults NO_DEFAULTS = new ResolvedDefaults(SlaDefaults.NONE, 1L);

    private static TicketFacts facts(Long type, Long priority, Long company, Long category, String channel, Instant at) {
        return new TicketFacts(type, priority, company, category, channel, at);
    }

    private static TicketFacts any() {
        return facts(1L, 2L, 3L, 4L, "email", THURSDAY_MORNING_MOSCOW);
    }

    private static SlaConditions types(Long... ids) {
        return new SlaConditions(Set.of(ids), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null);
    }

    private static SlaConditions time(Set<DayOfWeek> days, Integer from, Integer to) {
        return new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), days, from, to);
    }

    private static Candidate rule(long id, boolean enabled, SlaConditions conditions, Integer response, Integer resolution) {
        return new Candidate(new SlaRule(id, "rule " + id, (int) id, enabled, conditions, null, response, resolution), 1L, MOSCOW);
    }

    private static Optional<Long> winner(List<Candidate> rules, TicketFacts facts) {
        return SlaRuleMatcher.choose(rules, NO_DEFAULTS, facts).map(SlaTerms::ruleId);
    }

    @Test
    void theFirstMatchingRuleWinsTopDown() {
        List<Candidate> rules = List.of(rule(1, true, types(9L), 60, 600), rule(2, true, types(1L), 120, 1200),
                rule(3, true, SlaConditions.NONE, 180, 1800));
        Optional<SlaTerms> terms = SlaRuleMatcher.choose(rules, NO_DEFAULTS, any());
        assertThat(terms).contains(new SlaTerms(2L, "rule 2", 1L, 120L, 1200L));
        assertThat(winner(rules, facts(5L, 2L, 3L, 4L, "email", THURSDAY_MORNING_MOSCOW))).contains(3L);
        assertThat(winner(List.of(rules.get(2), rules.get(1)), any())).contains(3L);
    }

    @Test
    void aDisabledRuleIsSkipped() {
        List<Candidate> rules = List.of(rule(1, false, types(1L), 60, 600), rule(2, true, SlaConditions.NONE, 120, null));
        assertThat(SlaRuleMatcher.choose(rules, NO_DEFAULTS, any())).contains(new SlaTerms(2L, "rule 2", 1L, 120L, null));
    }

    @Test
    void withoutAMatchTheDefaultsApplyOrNothing() {
        List<Candidate> rules = List.of(rule(1, true, types(9L), 60, 600));
        ResolvedDefaults defaults = new ResolvedDefaults(new SlaDefaults(null, null, 3600), 7L);
        assertThat(SlaRuleMatcher.choose(rules, defaults, any())).contains(new SlaTerms(null, null, 7L, null, 3600L));
        assertThat(SlaRuleMatcher.choose(rules, NO_DEFAULTS, any())).isEmpty();
        assertThat(SlaRuleMatcher.choose(List.of(), new ResolvedDefaults(new SlaDefaults(null, 60, 60), null), any()))
                .as("no calendar at all").isEmpty();
    }

    @Test
    void aWinningRuleWithoutStandardsMeansNoSla() {
        List<Candidate> rules = List.of(rule(1, true, types(1L), null, null), rule(2, true, SlaConditions.NONE, 60, 60));
        assertThat(SlaRuleMatcher.choose(rules, new ResolvedDefaults(new SlaDefaults(null, 1, 1), 1L), any())).isEmpty();
    }

    @Test
    void eachConditionIsAnyOfItsSetAndAnUnsetFactFailsIt() {
        SlaConditions priority = new SlaConditions(Set.of(), Set.of(2L, 8L), Set.of(), Set.of(), Set.of(), Set.of(), null, null);
        SlaConditions category = new SlaConditions(Set.of(), Set.of(), Set.of(4L), Set.of(), Set.of(), Set.of(), null, null);
        SlaConditions company = new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(3L), Set.of(), Set.of(), null, null);
        SlaConditions channel = new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("email", "sms"), Set.of(), null, null);
        for (SlaConditions conditions : List.of(types(1L, 5L), priority, category, company, channel)) {
            assertThat(conditions.isEmpty()).isFalse();
            assertThat(conditions.holdFor(any(), MOSCOW)).as(conditions.toString()).isTrue();
            assertThat(conditions.holdFor(facts(null, null, null, null, null, THURSDAY_MORNING_MOSCOW), MOSCOW))
                    .as(conditions.toString()).isFalse();
            assertThat(conditions.holdFor(facts(6L, 6L, 6L, 6L, "telegram", THURSDAY_MORNING_MOSCOW), MOSCOW))
                    .as(conditions.toString()).isFalse();
        }
        SlaConditions all = new SlaConditions(Set.of(1L), Set.of(2L), Set.of(4L), Set.of(3L), Set.of("email"),
                Set.of(DayOfWeek.THURSDAY), 9 * 3600, 18 * 3600);
        assertThat(all.holdFor(any(), MOSCOW)).isTrue();
        assertThat(all.holdFor(facts(1L, 2L, 3L, 4L, "sms", THURSDAY_MORNING_MOSCOW), MOSCOW)).as("one fails").isFalse();
        assertThat(SlaConditions.NONE.isEmpty()).isTrue();
        assertThat(SlaConditions.NONE.holdFor(facts(null, null, null, null, null, null), null)).isTrue();
    }

    @Test
    void theRegistrationTimeIsReadInTheCalendarsZone() {
        SlaConditions workingHours = time(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), 9 * 3600, 18 * 3600);
        assertThat(workingHours.holdFor(any(), MOSCOW)).as("10:00 Thursday in Moscow").isTrue();
        assertThat(workingHours.holdFor(any(), NEW_YORK)).as("02:00 Thursday in New York").isFalse();
        // [from, to): 18:00 itself is outside, 09:00 inside
        assertThat(workingHours.holdFor(at("2026-12-03T15:00:00Z"), MOSCOW)).as("18:00").isFalse();
        assertThat(workingHours.holdFor(at("2026-12-03T14:59:59Z"), MOSCOW)).as("17:59:59").isTrue();
        assertThat(workingHours.holdFor(at("2026-12-03T06:00:00Z"), MOSCOW)).as("09:00").isTrue();
        // Saturday 10:00 Moscow is not a listed weekday, though in time
        assertThat(workingHours.holdFor(at("2026-12-05T07:00:00Z"), MOSCOW)).isFalse();
        // Friday 23:30 UTC is Saturday 02:30 in Moscow: the weekday too is the zone's
        SlaConditions fridays = time(Set.of(DayOfWeek.FRIDAY), null, null);
        assertThat(fridays.holdFor(at("2026-12-04T23:30:00Z"), ZoneId.of("UTC"))).isTrue();
        assertThat(fridays.holdFor(at("2026-12-04T23:30:00Z"), MOSCOW)).isFalse();
    }

    @Test
    void aTimeRangeMayEndAt24AndMayWrapPastMidnight() {
        SlaConditions evening = time(Set.of(), 20 * 3600, 86_400);
        assertThat(evening.holdFor(at("2026-12-03T20:59:59Z"), MOSCOW)).as("23:59:59").isTrue();
        assertThat(evening.holdFor(at("2026-12-03T21:00:00Z"), MOSCOW)).as("00:00").isFalse();
        SlaConditions fridayNight = time(Set.of(DayOfWeek.FRIDAY), 22 * 3600, 6 * 3600);
        assertThat(fridayNight.holdFor(at("2026-12-04T20:00:00Z"), MOSCOW)).as("Friday 23:00").isTrue();
        assertThat(fridayNight.holdFor(at("2026-12-05T00:00:00Z"), MOSCOW)).as("Saturday 03:00").isTrue();
        assertThat(fridayNight.holdFor(at("2026-12-05T03:00:00Z"), MOSCOW)).as("Saturday 06:00").isFalse();
        assertThat(fridayNight.holdFor(at("2026-12-04T00:00:00Z"), MOSCOW)).as("Friday 03:00 belongs to Thursday").isFalse();
    }

    @Test
    void aBadTimeRangeIsRefused() {
        assertThatThrownBy(() -> time(Set.of(), 9 * 3600, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> time(Set.of(), 9 * 3600, 9 * 3600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> time(Set.of(), 0, 90_000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TicketFacts at(String instant) {
        return facts(1L, 2L, 3L, 4L, "email", Instant.parse(instant));
    }
}
