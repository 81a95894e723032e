package io.supporthub.hub.contact;

import io.supporthub.hub.error.Refusal;

/** An address that belongs to another contact: answered 409 {@code {"error": "address_taken", "contactId"}}. */
public final class AddressTaken extends Refusal {

    private final long contactId;

    public AddressTaken(String address, long contactId) {
        super(Kind.CONFLICT, "address_taken", address + " belongs to contact " + contactId
                + "; merge the two contacts if they are one person");
        this.contactId = contactId;
    }

    public long contactId() {
        return contactId;
    }
}
