package io.supporthub.hub.contact;

import io.supporthub.channels.Address;
import io.supporthub.channels.DisplayText;
import io.supporthub.hub.contact.ContactCardQueries.ListRow;
import io.supporthub.hub.contact.ContactCardQueries.ObserverRow;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Contacts as employees see and change them (issue 17): the list, the card, creating, editing, addresses added and
 * removed. Every change is one transaction and writes a {@code client_event} on the card's history, with its actor.
 */
public final class ContactService {

    /** Notes longer than this are refused. */
    public static final int MAX_NOTES = 10_000;

    /** What a PATCH changes; a field left out ({@code false} in its {@code set*} flag) stays as it is. */
    public record Changes(String name, boolean setCompany, Long companyId, boolean setManager, Long managerAgentId,
                          Long managerGroupId, List<ObserverRow> observers, boolean setNotes, String notes) {
    }

    /** A page of the list: its lines and the id to pass as {@code after} for the next one (null at the end). */
    public record Page(List<Map<String, Object>> items, Long next) {
    }

    /** An address added: {@code created} false when the contact had it already. */
    public record Added(boolean created, Map<String, Object> card) {
    }

    private final Transactions transactions;
    private final ContactAddresses addresses;
    private final Clock clock;
    private final ContactMatcher matcher;

    /** A text search lists at most this many contacts, the newest; more words narrow it. */
    static final int MOST_MATCHES = 5_000;

    public ContactService(Transactions transactions, ContactAddresses addresses, Clock clock, ContactMatcher matcher) {
        this.transactions = transactions;
        this.addresses = addresses;
        this.clock = clock;
        this.matcher = matcher;
    }

    public ContactAddresses addresses() {
        return addresses;
    }

    /** Contacts newest first (see {@link ContactCardQueries#list}), each with its addresses and company. */
    public Page list(String text, Long companyId, Long after, int page, int limit) {
        return transactions.read(handle -> {
            List<Long> matching = text == null ? null : matcher.matching(handle, text, MOST_MATCHES);
            List<ListRow> rows = new ContactCardQueries(handle).list(matching, companyId, after, (page - 1) * limit, limit + 1);
            boolean more = rows.size() > limit;
            List<ListRow> shown = more ? rows.subList(0, limit) : rows;
            Map<Long, List<AddressRow>> byContact = new ContactQueries(handle).addressesOf(shown.stream().map(ListRow::id).toList());
            List<Map<String, Object>> items = new ArrayList<>();
            for (ListRow row : shown) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", row.id());
                item.put("name", row.name());
                item.put("addresses", byContact.getOrDefault(row.id(), List.of()).stream().map(ContactCard::address).toList());
                item.put("company", row.companyId() == null ? null : Map.of("id", row.companyId(), "name", row.companyName()));
                items.add(item);
            }
            return new Page(items, more ? shown.get(shown.size() - 1).id() : null);
        });
    }

    public Optional<Map<String, Object>> card(long id, Long ticketsAfter) {
        return transactions.read(handle -> ContactCard.load(handle, id, ticketsAfter));
    }

    /** A new contact with a name, an email, a phone (at least one of them) and perhaps a company. */
    public Map<String, Object> create(String rawName, String email, String phone, Long companyId, long actor) {
        String name = blankToNull(DisplayText.name(rawName));
        List<Address> given = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            given.add(addresses.email(email));
        }
        if (phone != null && !phone.isBlank()) {
            given.add(addresses.phone(phone));
        }
        if (name == null && given.isEmpty()) {
            throw Refusal.invalid("a contact needs a 'name', an 'email' or a 'phone'");
        }
        return transactions.inTransaction((handle, afterCommit) -> {
            ContactQueries contacts = new ContactQueries(handle);
            ContactCardQueries cards = new ContactCardQueries(handle);
            for (Address address : given) {
                Optional<AddressRow> owner = contacts.findAddress(address);
                if (owner.isPresent()) {
                    throw new AddressTaken(address.value(), owner.get().contactId());
                }
            }
            String companyName = companyId == null ? null : company(cards, companyId);
            Instant now = clock.instant();
            long id = contacts.createContact(name, null, now);
            for (Address address : given) {
                AddressRow row = contacts.addAddress(id, address, now);
                if (row.contactId() != id) {
                    throw new AddressTaken(address.value(), row.contactId());
                }
            }
            if (companyId != null) {
                cards.setCompany(id, companyId);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", name);
            detail.put("addresses", given.stream().map(Address::toString).toList());
            if (companyId != null) {
                detail.put("company", Map.of("id", companyId, "name", companyName));
            }
            cards.event(id, "created", actor, detail, now);
            return ContactCard.load(handle, id, null).orElseThrow();
        });
    }

    public Map<String, Object> change(long id, Changes changes, long actor) {
        return transactions.inTransaction((handle, afterCommit) -> {
            ContactCardQueries cards = new ContactCardQueries(handle);
            ContactCardQueries.Head head = editable(cards, id);
            Instant now = clock.instant();
            if (changes.name() != null && !changes.name().equals(head.name())) {
                cards.rename(id, changes.name());
                cards.event(id, "renamed", actor, fromTo(head.name(), changes.name()), now);
            }
            if (changes.setCompany() && !Objects.equals(changes.companyId(), head.companyId())) {
                String name = changes.companyId() == null ? null : company(cards, changes.companyId());
                cards.setCompany(id, changes.companyId());
                cards.event(id, "company_changed", actor, fromTo(
                        head.companyId() == null ? null : Map.of("id", head.companyId(), "name", head.companyName()),
                        changes.companyId() == null ? null : Map.of("id", changes.companyId(), "name", name)), now);
            } else if (changes.setCompany() && changes.companyId() != null && !"person".equals(head.companySource())) {
                // The company matched by domain, confirmed by a person: never overwritten by matching again.
                cards.setCompany(id, changes.companyId());
            }
            if (changes.setManager() && !(Objects.equals(changes.managerAgentId(), head.managerAgentId())
                    && Objects.equals(changes.managerGroupId(), head.managerGroupId()))) {
                Map<String, Object> to = manager(cards, changes.managerAgentId(), changes.managerGroupId());
                cards.setManager(id, changes.managerAgentId(), changes.managerGroupId());
                Map<String, Object> from = head.managerAgentId() != null ? Map.of("agentId", head.managerAgentId(), "name", head.managerAgentName())
                        : head.managerGroupId() != null ? Map.of("groupId", head.managerGroupId(), "name", head.managerGroupName()) : null;
                cards.event(id, "manager_changed", actor, fromTo(from, to), now);
            }
            if (changes.observers() != null) {
                List<ObserverRow> before = cards.observers(id);
                List<ObserverRow> wanted = named(cards, changes.observers());
                List<ObserverRow> added = wanted.stream().filter(o -> before.stream().noneMatch(b -> same(b, o))).toList();
                List<ObserverRow> removed = before.stream().filter(b -> wanted.stream().noneMatch(o -> same(b, o))).toList();
                if (!added.isEmpty() || !removed.isEmpty()) {
                    cards.setObservers(id, wanted);
                    cards.event(id, "observers_changed", actor, Map.of("added", added, "removed", removed), now);
                }
            }
            if (changes.setNotes() && !Objects.equals(changes.notes(), head.notes())) {
                cards.setNotes(id, changes.notes());
                cards.event(id, "notes_changed", actor, fromTo(head.notes(), changes.notes()), now);
            }
            return ContactCard.load(handle, id, null).orElseThrow();
        });
    }

    /** Adds an address; the contact's own already: nothing changes; another contact's: {@link AddressTaken}. */
    public Added addAddress(long id, String kind, String value, long actor) {
        Address address = addresses.parse(kind, value);
        return transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
            ContactCardQueries cards = new ContactCardQueries(handle);
            editable(cards, id);
            ContactQueries contacts = new ContactQueries(handle);
            Optional<AddressRow> owner = contacts.findAddress(address);
            if (owner.isPresent()) {
                if (owner.get().contactId() != id) {
                    throw new AddressTaken(address.value(), owner.get().contactId());
                }
                return new Added(false, ContactCard.load(handle, id, null).orElseThrow());
            }
            Instant now = clock.instant();
            AddressRow row = contacts.addAddress(id, address, now);
            if (row.contactId() != id) {
                throw new AddressTaken(address.value(), row.contactId());
            }
            cards.event(id, "address_added", actor, Map.of("kind", row.kind(), "value", row.value()), now);
            return new Added(true, ContactCard.load(handle, id, null).orElseThrow());
        });
    }

    /**
     * Removes an address no message went through. One that carried messages stays (their history needs it): 409.
     */
    public Map<String, Object> removeAddress(long id, long addressId, long actor) {
        return transactions.inTransaction((handle, afterCommit) -> {
            ContactCardQueries cards = new ContactCardQueries(handle);
            editable(cards, id);
            AddressRow row = new ContactQueries(handle).address(addressId).filter(a -> a.contactId() == id)
                    .orElseThrow(() -> Refusal.notFound("contact " + id + " has no address " + addressId));
            if (cards.addressUsed(addressId)) {
                throw new Refusal(Refusal.Kind.CONFLICT, "address_in_use", row.value() + " carried messages of this "
                        + "contact's conversations, whose history needs it; it cannot be removed");
            }
            cards.deleteAddress(addressId);
            cards.refreshSearch(id);
            cards.event(id, "address_removed", actor, Map.of("kind", row.kind(), "value", row.value()), clock.instant());
            return ContactCard.load(handle, id, null).orElseThrow();
        });
    }

    /** The contact, locked for the change; a merged one is not changed any more. */
    private static ContactCardQueries.Head editable(ContactCardQueries cards, long id) {
        cards.lock(id).orElseThrow(() -> Refusal.notFound("no contact " + id));
        ContactCardQueries.Head head = cards.head(id).orElseThrow();
        if (head.mergedIntoId() != null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "merged", "contact " + id + " was merged into contact "
                    + head.mergedIntoId() + "; change that one");
        }
        return head;
    }

    private static String company(ContactCardQueries cards, long companyId) {
        return cards.companyName(companyId).orElseThrow(() -> Refusal.unprocessable("no company " + companyId));
    }

    private static Map<String, Object> manager(ContactCardQueries cards, Long agentId, Long groupId) {
        if (agentId != null) {
            return Map.of("agentId", agentId, "name", cards.agentName(agentId)
                    .orElseThrow(() -> Refusal.unprocessable("no employee " + agentId)));
        }
        if (groupId != null) {
            return Map.of("groupId", groupId, "name", cards.groupName(groupId)
                    .orElseThrow(() -> Refusal.unprocessable("no group " + groupId)));
        }
        return null;
    }

    private static List<ObserverRow> named(ContactCardQueries cards, List<ObserverRow> observers) {
        List<ObserverRow> named = new ArrayList<>();
        for (ObserverRow observer : observers) {
            if (named.stream().anyMatch(o -> same(o, observer))) {
                continue;
            }
            String name = ("agent".equals(observer.kind()) ? cards.agentName(observer.id()) : cards.groupName(observer.id()))
                    .orElseThrow(() -> Refusal.unprocessable("no " + ("agent".equals(observer.kind()) ? "employee " : "group ")
                            + observer.id()));
            named.add(new ObserverRow(observer.kind(), observer.id(), name));
        }
        return named;
    }

    private static boolean same(ObserverRow one, ObserverRow other) {
        return one.kind().equals(other.kind()) && one.id() == other.id();
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", from);
        detail.put("to", to);
        return detail;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The card inside a transaction already open. */
    static Map<String, Object> cardIn(Handle handle, long id) {
        return ContactCard.load(handle, id, null).orElseThrow();
    }
}
