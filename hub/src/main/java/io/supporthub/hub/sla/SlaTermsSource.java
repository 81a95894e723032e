package io.supporthub.hub.sla;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/**
 * Chooses a ticket's SLA: top down, the first enabled rule whose conditions all hold, else the account's defaults;
 * empty when neither gives any standard (or there is no calendar to count on).
 */
@FunctionalInterface
public interface SlaTermsSource {

    Optional<SlaTerms> termsFor(Handle handle, TicketFacts facts);
}
