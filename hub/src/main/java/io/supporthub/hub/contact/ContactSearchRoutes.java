package io.supporthub.hub.contact;

import io.javalin.config.RoutesConfig;
import io.supporthub.hub.contact.ContactQueries.ContactName;
import io.supporthub.hub.db.Transactions;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/contacts?q=} (behind the API login): up to 10 contacts whose name or any address (phone, email,
 * messenger id) contains the text, each {@code {"id", "name", "addresses": [{"kind", "value", "reachable"}]}}.
 */
public final class ContactSearchRoutes {

    private final Transactions transactions;

    public ContactSearchRoutes(Transactions transactions) {
        this.transactions = transactions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/contacts", ctx -> {
            String q = ctx.queryParam("q");
            ctx.json(Map.of("items", q == null || q.isBlank() ? List.of() : search(q.strip())));
        });
    }

    /** A contact as the search answers it. */
    record Match(long id, String name, List<MatchAddress> addresses) {
    }

    record MatchAddress(String kind, String value, boolean reachable) {
    }

    List<Match> search(String text) {
        return transactions.read(handle -> {
            ContactQueries queries = new ContactQueries(handle);
            List<ContactName> contacts = queries.search(text);
            Map<Long, List<AddressRow>> addresses = queries.addressesOf(contacts.stream().map(ContactName::id).toList());
            return contacts.stream().map(contact -> new Match(contact.id(), contact.name(),
                    addresses.getOrDefault(contact.id(), List.of()).stream()
                            .map(a -> new MatchAddress(a.kind(), a.value(), a.reachable())).toList())).toList();
        });
    }
}
