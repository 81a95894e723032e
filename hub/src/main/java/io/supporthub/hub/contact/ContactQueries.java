package io.supporthub.hub.contact;

import io.supporthub.channels.Address;
import io.supporthub.channels.AddressKind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** SQL on contacts and their addresses, within the caller's transaction. */
public final class ContactQueries {

    private static final String ADDRESS_COLUMNS =
            "id, contact_id, kind, value, unreachable_reason, unreachable_at, last_ticket_id";

    private final Handle handle;

    public ContactQueries(Handle handle) {
        this.handle = handle;
    }

    /** The address row, locked until the transaction ends: messages from one address are handled one at a time. */
    public Optional<AddressRow> lockAddress(Address address) {
        return handle.createQuery("select " + ADDRESS_COLUMNS + " from contact_address where kind = :kind and value = :value for no key update")
                .bind("kind", address.kind().wireName())
                .bind("value", address.value())
                .mapTo(AddressRow.class)
                .findOne();
    }

    /** An address row locked for the transaction, with what its contact's profile already says. */
    public record LockedAddress(AddressRow row, String contactName, String contactLanguage) {
    }

    public Optional<LockedAddress> lockAddressWithProfile(Address address) {
        return handle.createQuery("select a.id, a.contact_id, a.kind, a.value, a.unreachable_reason, a.unreachable_at, "
                        + "a.last_ticket_id, c.name, c.language from contact_address a join contact c on c.id = a.contact_id "
                        + "where a.kind = :kind and a.value = :value for no key update of a")
                .bind("kind", address.kind().wireName())
                .bind("value", address.value())
                .map((rs, ctx) -> new LockedAddress(new AddressRow(rs.getLong("id"), rs.getLong("contact_id"),
                        rs.getString("kind"), rs.getString("value"), rs.getString("unreachable_reason"),
                        rs.getObject("unreachable_at", java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject("unreachable_at", java.time.OffsetDateTime.class).toInstant(),
                        (Long) rs.getObject("last_ticket_id")), rs.getString("name"), rs.getString("language")))
                .findOne();
    }

    public Optional<AddressRow> findAddress(Address address) {
        return handle.createQuery("select " + ADDRESS_COLUMNS + " from contact_address where kind = :kind and value = :value")
                .bind("kind", address.kind().wireName())
                .bind("value", address.value())
                .mapTo(AddressRow.class)
                .findOne();
    }

    public Optional<AddressRow> address(long id) {
        return handle.createQuery("select " + ADDRESS_COLUMNS + " from contact_address where id = :id")
                .bind("id", id)
                .mapTo(AddressRow.class)
                .findOne();
    }

    public List<AddressRow> addresses(long contactId) {
        return handle.createQuery("select " + ADDRESS_COLUMNS + " from contact_address where contact_id = :contactId order by id")
                .bind("contactId", contactId)
                .mapTo(AddressRow.class)
                .list();
    }

    public Map<Long, List<AddressRow>> addressesOf(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return handle.createQuery("select " + ADDRESS_COLUMNS + " from contact_address where contact_id = any(:ids) order by id")
                .bindArray("ids", Long.class, contactIds)
                .mapTo(AddressRow.class)
                .stream()
                .collect(Collectors.groupingBy(AddressRow::contactId));
    }

    public Optional<Contact> contact(long id) {
        return handle.createQuery("select id, name, language, created_at from contact where id = :id")
                .bind("id", id)
                .mapTo(Contact.class)
                .findOne();
    }

    public long createContact(String name, String language, Instant now) {
        return handle.createUpdate("insert into contact (name, language, created_at, search, search_keys) "
                        + "values (:name, :language, :now, to_tsvector('simple', coalesce(:name, '')), "
                        + ContactSearchKeys.of("cast(:name as text)", "null") + ")")
                .bind("name", name)
                .bind("language", language)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Adds the address to the contact unless another contact owns it already; returns the stored row. */
    public AddressRow addAddress(long contactId, Address address, Instant now) {
        handle.createUpdate("insert into contact_address (contact_id, kind, value, created_at) "
                        + "values (:contactId, :kind, :value, :now) on conflict (kind, value) do nothing")
                .bind("contactId", contactId)
                .bind("kind", address.kind().wireName())
                .bind("value", address.value())
                .bind("now", now)
                .execute();
        handle.createUpdate("update contact set search = search || to_tsvector('simple', :value), "
                        + "search_keys = " + ContactSearchKeys.of("contact.name", "contact.id") + " where id = :contactId")
                .bind("contactId", contactId)
                .bind("value", address.value())
                .execute();
        return lockAddress(address).orElseThrow();
    }

    /** Fills in a name or language the contact did not have yet. */
    public void completeProfile(long contactId, String name, String language) {
        handle.createUpdate("update contact set "
                        + "search = case when name is null and :name is not null then search || to_tsvector('simple', :name) else search end, "
                        + "search_keys = " + ContactSearchKeys.of("coalesce(contact.name, :name)", "contact.id") + ", "
                        + "name = coalesce(name, :name), language = coalesce(:language, language) where id = :contactId")
                .bind("contactId", contactId)
                .bind("name", name)
                .bind("language", language)
                .execute();
    }

    /** Records the ticket last messaged on the address; the customer's own messages go through here. */
    public void rememberTicket(long addressId, long ticketId) {
        handle.createUpdate("update contact_address set last_ticket_id = :ticketId where id = :id")
                .bind("id", addressId)
                .bind("ticketId", ticketId)
                .execute();
    }

    /**
     * The same for outgoing messages, which hold their ticket's lock: a customer's message in flight on this address
     * holds the address and waits for the ticket, so waiting here would deadlock. It is skipped instead; the customer's
     * message then records its own ticket.
     */
    public void rememberTicketUnlessBusy(long addressId, long ticketId) {
        handle.createUpdate("update contact_address set last_ticket_id = :ticketId where id = "
                        + "(select id from contact_address where id = :id for no key update skip locked)")
                .bind("id", addressId)
                .bind("ticketId", ticketId)
                .execute();
    }

    public void setReachability(long addressId, String unreachableReason, Instant at) {
        handle.createUpdate("update contact_address set unreachable_reason = :reason, unreachable_at = :at where id = :id")
                .bind("id", addressId)
                .bind("reason", unreachableReason)
                .bind("at", unreachableReason == null ? null : at)
                .execute();
    }

    /** The contact's newest address of the kind, if they have one. */
    public Optional<Long> newestAddressId(long contactId, AddressKind kind) {
        return handle.createQuery("select id from contact_address where contact_id = :contactId and kind = :kind "
                        + "order by id desc limit 1")
                .bind("contactId", contactId)
                .bind("kind", kind.wireName())
                .mapTo(Long.class)
                .findOne();
    }
}
