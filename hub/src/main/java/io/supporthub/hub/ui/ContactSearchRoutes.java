package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.Transactions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/contacts?q=} (behind the API login): up to 10 contacts whose name or any address (phone, email,
 * messenger id) contains the text, each {@code {"id", "name", "addresses": [{"kind", "value", "reachable"}]}}.
 */
final class ContactSearchRoutes {

    private final Transactions transactions;

    ContactSearchRoutes(Transactions transactions) {
        this.transactions = transactions;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/contacts", ctx -> {
            String q = ctx.queryParam("q");
            ctx.json(Map.of("items", q == null || q.isBlank() ? List.of() : search(q.strip())));
        });
    }

    List<Map<String, Object>> search(String text) {
        String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return transactions.read(handle -> {
            List<Map<String, Object>> contacts = handle.createQuery("select c.id, c.name from contact c where lower(c.name) like :p "
                            + "or exists (select 1 from contact_address a where a.contact_id = c.id and lower(a.value) like :p) "
                            + "order by c.id desc limit 10")
                    .bind("p", pattern).mapToMap().list();
            Map<Long, List<AddressRow>> addresses = new ContactQueries(handle)
                    .addressesOf(contacts.stream().map(c -> ((Number) c.get("id")).longValue()).toList());
            List<Map<String, Object>> items = new ArrayList<>();
            for (Map<String, Object> contact : contacts) {
                long id = ((Number) contact.get("id")).longValue();
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", id);
                item.put("name", contact.get("name"));
                item.put("addresses", addresses.getOrDefault(id, List.of()).stream().map(a -> {
                    Map<String, Object> address = new LinkedHashMap<>();
                    address.put("kind", a.kind());
                    address.put("value", a.value());
                    address.put("reachable", a.reachable());
                    return address;
                }).toList());
                items.add(item);
            }
            return items;
        });
    }
}
