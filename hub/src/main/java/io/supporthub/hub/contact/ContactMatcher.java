package io.supporthub.hub.contact;

import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * Which contacts match what an agent typed to find a customer (the Clients list, the new ticket dialog): the search's
 * own reading of the words ({@code ticket.search}), so that a name in any case or without accents, an email or its
 * domain, and a phone in any written form or its last digits find the same people there as in the ticket search.
 */
@FunctionalInterface
public interface ContactMatcher {

    /** Ids of the matching contacts, newest first, at most {@code atMost}; in the caller's transaction. */
    List<Long> matching(Handle handle, String text, int atMost);
}
