package io.supporthub.hub.sla;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SlaRules} on PostgreSQL: the one-statement selection, the calendar fallback and the defaults row. */
class SlaRulesTest {

    static TestHub hub;
    static long moscow;
    static long newYork;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        moscow = calendar("Moscow office", "Europe/Moscow");
        newYork = calendar("New York office", "America/New_York");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void empty() {
        hub.database.jdbi().useHandle(handle -> {
            handle.execute("delete from sla_rule");
            handle.execute("delete from sla_defaults");
        });
    }

    static long calendar(String name, String zone) {
        Map<String, Object> hours = Map.of("mon", List.of(List.of("09:00", "18:00")), "thu", List.of(List.of("09:00", "18:00")));
        TestHub.Response created = hub.post("/api/calendars", Map.of("name", name, "timeZone", zone, "hours", hours));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static void insert(String name, int position, boolean enabled, SlaConditions conditions, Long calendar,
                               Integer response, Integer resolution) {
        hub.database.jdbi().useHandle(handle -> new SlaRuleQueries(handle).create(
                new SlaRule(0, name, position, enabled, conditions, calendar, response, resolution)));
    }

    private static Optional<SlaTerms> terms(TicketFacts facts) {
        return hub.database.jdbi().withHandle(handle -> new SlaRules().termsFor(handle, facts));
    }

    private static final Instant THURSDAY_10_MOSCOW = Instant.parse("2026-12-03T07:00:00Z");

    @Test
    void readsRulesInOrderWithTheirCalendarOrTheDefaultOne() {
        SlaConditions hoursOnly = new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(DayOfWeek.THURSDAY), 9 * 3600, 18 * 3600);
        insert("disabled", 1, false, SlaConditions.NONE, null, 1, 1);
        insert("office hours in New York", 2, true, hoursOnly, newYork, 3600, 7200);
        insert("office hours, default calendar", 3, true, hoursOnly, null, 1800, null);
        insert("everything else", 4, true, SlaConditions.NONE, newYork, null, 86_400);

        TicketFacts facts = new TicketFacts(null, null, null, null, "email", THURSDAY_10_MOSCOW);
        // 02:00 in New York: the second rule fails; the third counts on the default calendar (Moscow, the first made)
        SlaTerms terms = terms(facts).orElseThrow();
        assertThat(terms.ruleName()).isEqualTo("office hours, default calendar");
        assertThat(terms.calendarId()).isEqualTo(moscow);
        assertThat(terms.responseSeconds()).isEqualTo(1800L);
        assertThat(terms.resolutionSeconds()).isNull();

        TicketFacts evening = new TicketFacts(null, null, null, null, "email", Instant.parse("2026-12-03T20:00:00Z"));
        assertThat(terms(evening)).contains(new SlaTerms(terms(evening).orElseThrow().ruleId(), "office hours in New York",
                newYork, 3600L, 7200L));
        TicketFacts saturday = new TicketFacts(null, null, null, null, "email", Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(terms(saturday).orElseThrow().ruleName()).isEqualTo("everything else");
    }

    @Test
    void theDefaultsApplyWhenNoRuleMatches() {
        assertThat(terms(new TicketFacts(1L, null, null, null, "sms", THURSDAY_10_MOSCOW))).as("no rules, no defaults").isEmpty();
        SlaConditions sms = new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("sms"), Set.of(), null, null);
        insert("sms", 1, true, sms, null, 600, null);
        hub.database.jdbi().useHandle(handle -> new SlaRuleQueries(handle).writeDefaults(new SlaDefaults(newYork, 7200, 86_400)));
        assertThat(terms(new TicketFacts(1L, null, null, null, "email", THURSDAY_10_MOSCOW)))
                .contains(new SlaTerms(null, null, newYork, 7200L, 86_400L));
        assertThat(terms(new TicketFacts(1L, null, null, null, "sms", THURSDAY_10_MOSCOW)).orElseThrow().ruleName()).isEqualTo("sms");
        hub.database.jdbi().useHandle(handle -> new SlaRuleQueries(handle).writeDefaults(new SlaDefaults(null, 60, null)));
        assertThat(terms(new TicketFacts(1L, null, null, null, "email", THURSDAY_10_MOSCOW)))
                .as("defaults on the default calendar").contains(new SlaTerms(null, null, moscow, 60L, null));
    }
}
