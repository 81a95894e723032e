package io.supporthub.hub.ticket.search;

import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.contact.ContactMatcher;
import org.jdbi.v3.core.Handle;

import java.util.List;

/** Contacts found by their search keys as the ticket search reads typed words ({@link SearchTerms}). */
public final class ContactSearch implements ContactMatcher {

    private final PhoneNumbers phones;

    public ContactSearch(PhoneNumbers phones) {
        this.phones = phones;
    }

    @Override
    public List<Long> matching(Handle handle, String text, int atMost) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new TicketSearchQueries(handle).contacts(SearchTerms.parse(text, phones), atMost);
    }
}
