package io.supporthub.hub.sla;

import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.ticket.RegistrationSla;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The SLA a customer's message registers its ticket with, for the insert to carry: the terms chosen on the facts the
 * row will have (the contact's company, the default priority, no type), the planned times from the moment of
 * registration, the first alert planned. The same choice and arithmetic as {@link TicketSlaWriter#registered}.
 */
public final class SlaRegistration implements RegistrationSla {

    private final TicketSlaWriter writer;

    public SlaRegistration(TicketSlaWriter writer) {
        this.writer = writer;
    }

    @Override
    public Optional<Columns> choose(Handle handle, long contactId, ChannelKind channel, Instant registeredAt) {
        TicketSlaQueries.Registering registering = new TicketSlaQueries(handle).registering(contactId);
        // As the row will store it: PostgreSQL keeps microseconds.
        Instant at = registeredAt.truncatedTo(ChronoUnit.MICROS);
        TicketFacts facts = new TicketFacts(null, registering.priorityId(), registering.companyId(),
                registering.categoryId(), channel.wireName(), at);
        return writer.atRegistration(handle, facts, registering.openPausesStored(), registering.warnBefore(), at)
                .map(row -> new Columns(row.ruleId(), row.calendarId(), row.responseSeconds(), row.resolutionSeconds(),
                        Boolean.TRUE.equals(row.paused()), row.responseDueAt(), row.resolutionDueAt(), row.dueAt(),
                        row.alertAt()));
    }
}
