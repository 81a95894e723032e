package io.supporthub.hub.contact;

import io.supporthub.channels.Address;
import io.supporthub.channels.SenderProfile;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * Finds the person behind an address: by the address itself, else by any other address the sender revealed (a
 * phone or email seen on another channel), else a new contact. Unknown addresses join the contact found, so
 * history follows the person.
 */
public final class ContactResolver {

    private final ContactQueries contacts;

    public ContactResolver(Handle handle) {
        this.contacts = new ContactQueries(handle);
    }

    /** The address row the message came from, locked for the rest of the transaction. */
    public AddressRow resolve(Address from, SenderProfile sender, Instant now) {
        Optional<ContactQueries.LockedAddress> known = contacts.lockAddressWithProfile(from);
        long contactId;
        AddressRow row;
        if (known.isPresent()) {
            row = known.get().row();
            contactId = row.contactId();
        } else {
            contactId = sender.otherAddresses().stream()
                    .map(contacts::findAddress)
                    .flatMap(Optional::stream)
                    .map(AddressRow::contactId)
                    .findFirst()
                    .orElseGet(() -> contacts.createContact(sender.name(), sender.language(), now));
            row = contacts.addAddress(contactId, from, now);
            contactId = row.contactId();
        }
        for (Address other : sender.otherAddresses()) {
            if (contacts.findAddress(other).isEmpty()) {
                contacts.addAddress(contactId, other, now);
            }
        }
        boolean nameMissing = sender.name() != null && known.map(k -> k.contactName() == null).orElse(true);
        boolean languageChanged = sender.language() != null && known.map(k -> !sender.language().equals(k.contactLanguage())).orElse(true);
        if (nameMissing || languageChanged) {
            contacts.completeProfile(contactId, sender.name(), sender.language());
        }
        return row;
    }
}
