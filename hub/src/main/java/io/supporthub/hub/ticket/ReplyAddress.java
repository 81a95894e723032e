package io.supporthub.hub.ticket;

import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.error.Refusal;

/** Where a reply on a channel would go: the customer's address, or why they cannot be reached there. */
public record ReplyAddress(AddressRow address, String problem) {

    static ReplyAddress of(AddressRow address) {
        return new ReplyAddress(address, null);
    }

    static ReplyAddress none(String problem) {
        return new ReplyAddress(null, problem);
    }

    public boolean found() {
        return address != null;
    }

    /** The address, or a refusal saying why there is none, for callers that cannot go on without it. */
    public AddressRow orElseRefuse() {
        if (address == null) {
            throw Refusal.unprocessable(problem);
        }
        return address;
    }
}
