package io.supporthub.hub.contact;

import io.supporthub.hub.contact.ContactCardQueries.EventRow;
import io.supporthub.hub.contact.ContactCardQueries.Head;
import io.supporthub.hub.contact.ContactCardQueries.TicketRow;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contact's card as the API answers it and the page shows it: {@code {id, name, company {id, name} | null,
 * companySource, manager {agentId, name} | {groupId, name} | null, observers [{kind, id, name}], notes,
 * addresses [{id, kind, value, reachable}], tickets [{id, number, subject, status, channel, createdAt,
 * lastMessageAt}], ticketCount, ticketsNext, mergedInto {id, name} | null, mergedAt, history [...], createdAt}}.
 */
public final class ContactCard {

    /** Tickets on one page of the card; {@code ticketsNext} says where the next page starts. */
    public static final int TICKETS = 50;
    /** The newest events of the history shown. */
    public static final int HISTORY = 100;

    private ContactCard() {
    }

    public static Optional<Map<String, Object>> load(Handle handle, long id, Long ticketsAfter) {
        ContactCardQueries queries = new ContactCardQueries(handle);
        Optional<Head> found = queries.head(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Head head = found.get();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", head.id());
        card.put("name", head.name());
        card.put("company", head.companyId() == null ? null : ref("id", head.companyId(), head.companyName()));
        card.put("companySource", head.companySource());
        card.put("manager", head.managerAgentId() != null ? ref("agentId", head.managerAgentId(), head.managerAgentName())
                : head.managerGroupId() != null ? ref("groupId", head.managerGroupId(), head.managerGroupName()) : null);
        card.put("observers", queries.observers(id));
        card.put("notes", head.notes());
        card.put("addresses", new ContactQueries(handle).addresses(id).stream().map(ContactCard::address).toList());
        List<TicketRow> tickets = queries.tickets(id, ticketsAfter, TICKETS + 1);
        boolean more = tickets.size() > TICKETS;
        List<TicketRow> shown = more ? tickets.subList(0, TICKETS) : tickets;
        card.put("tickets", shown);
        card.put("ticketCount", queries.ticketCount(id));
        card.put("ticketsNext", more ? shown.get(shown.size() - 1).id() : null);
        card.put("mergedInto", head.mergedIntoId() == null ? null : ref("id", head.mergedIntoId(), head.mergedIntoName()));
        card.put("mergedAt", head.mergedAt());
        card.put("history", queries.history(id, HISTORY).stream().map(ContactCard::event).toList());
        card.put("createdAt", head.createdAt());
        return Optional.of(card);
    }

    static Map<String, Object> address(AddressRow row) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("id", row.id());
        address.put("kind", row.kind());
        address.put("value", row.value());
        address.put("reachable", row.reachable());
        return address;
    }

    private static Map<String, Object> event(EventRow row) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", row.id());
        event.put("kind", row.kind());
        event.put("actor", row.actorId() == null ? null : Map.of("id", row.actorId(), "name", row.actorName()));
        event.put("detail", row.detail());
        event.put("createdAt", row.createdAt());
        return event;
    }

    private static Map<String, Object> ref(String key, long id, String name) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put(key, id);
        ref.put("name", name);
        return ref;
    }
}
