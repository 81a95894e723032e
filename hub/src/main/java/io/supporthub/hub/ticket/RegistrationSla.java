package io.supporthub.hub.ticket;

import io.supporthub.channels.ChannelKind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * The SLA a customer's message registers its ticket with, chosen before the row is written so that the insert carries
 * it: an update right after the insert would write the row, and every index on it, a second time. The sla package
 * implements it. A ticket given nothing here is registered without SLA; its {@code created} listeners may still give
 * it one.
 */
@FunctionalInterface
public interface RegistrationSla {

    RegistrationSla NONE = (handle, contactId, channel, registeredAt) -> Optional.empty();

    /** For a ticket of the contact by the channel, registered at that moment (its type unset, its priority the default). */
    Optional<Columns> choose(Handle handle, long contactId, ChannelKind channel, Instant registeredAt);

    /** A new ticket's SLA columns: its terms, the planned times, the pause, the nearest due and the first alert. */
    record Columns(Long ruleId, long calendarId, Long responseSeconds, Long resolutionSeconds, boolean paused,
                   Instant responseDueAt, Instant resolutionDueAt, Instant dueAt, Instant alertAt) {
    }
}
