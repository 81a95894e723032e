package io.supporthub.hub.contact;

import io.supporthub.channels.Address;
import io.supporthub.channels.AddressKind;

import java.time.Instant;

/** A stored address of a contact, with whether it can be reached and the ticket last messaged on it. */
public record AddressRow(long id, long contactId, String kind, String value, String unreachableReason,
                         Instant unreachableAt, Long lastTicketId) {

    public Address address() {
        return new Address(AddressKind.fromWire(kind), value);
    }

    public boolean reachable() {
        return unreachableReason == null;
    }
}
