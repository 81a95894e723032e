package io.supporthub.hub.notification;

import io.supporthub.hub.catalog.CatalogQueries;
import io.supporthub.hub.contact.Contact;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.TemplateVariables;
import org.jdbi.v3.core.Handle;

import java.util.Map;

/**
 * The template variables of a ticket as its customer reads them: {@code customer.name}, {@code ticket.number},
 * {@code ticket.subject}, {@code ticket.status} (a custom status's name, else the base label in the customer's
 * language), {@code company.name} and, when given, {@code agent.name}.
 */
public final class TicketVariables {

    private TicketVariables() {
    }

    /** The customer's language tag ({@code contact.language}), or null for the default. */
    public static String language(Handle handle, Ticket ticket) {
        return new ContactQueries(handle).contact(ticket.contactId()).map(Contact::language).orElse(null);
    }

    public static Map<String, Object> of(Handle handle, Ticket ticket, DefaultTexts texts, String companyName,
                                         String agentName) {
        Contact contact = new ContactQueries(handle).contact(ticket.contactId()).orElse(null);
        String language = contact == null ? null : contact.language();
        String status = ticket.customStatusId() == null ? texts.statusLabel(language, ticket.status())
                : new CatalogQueries(handle).customStatusName(ticket.customStatusId())
                        .orElse(texts.statusLabel(language, ticket.status()));
        return TemplateVariables.create()
                .customer(contact == null ? null : contact.name())
                .ticket(ticket.number(), ticket.subject(), status)
                .company(companyName)
                .agent(agentName)
                .asMap();
    }
}
