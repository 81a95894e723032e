package io.supporthub.hub.sla;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/**
 * The SLA of a ticket from the stored rules and defaults ({@link SlaRuleMatcher} decides). It reads the few enabled
 * rules and the defaults in one statement per call, in the caller's transaction, so every node sees a change at once
 * and there is no cache to invalidate.
 */
public final class SlaRules implements SlaTermsSource {

    @Override
    public Optional<SlaTerms> termsFor(Handle handle, TicketFacts facts) {
        SlaRuleQueries.Selection selection = new SlaRuleQueries(handle).selection();
        return SlaRuleMatcher.choose(selection.rules(), selection.defaults(), facts);
    }
}
