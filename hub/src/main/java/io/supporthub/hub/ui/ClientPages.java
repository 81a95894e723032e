package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.agent.RoutePermissions;
import io.supporthub.hub.contact.ContactCardQueries.TicketRow;
import io.supporthub.hub.contact.ContactService;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.group.GroupQueries;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client base's contact pages (issue 17): {@code /clients} (the contacts, searchable and paged, under the Clients
 * tabs), {@code /contacts/{id}} (the card) and {@code /contacts/{id}/merge} (the merge's confirmation, both contacts
 * side by side). Every change goes through {@code /api/contacts} from {@code contacts.js}.
 */
final class ClientPages {

    private static final int PAGE = 50;

    private final Transactions transactions;
    private final ContactService contacts;
    private final RoutePermissions permissions;
    private final PageAccess access;
    private final Pages pages;

    ClientPages(Transactions transactions, ContactService contacts, RoutePermissions permissions, PageAccess access, Pages pages) {
        this.transactions = transactions;
        this.contacts = contacts;
        this.permissions = permissions;
        this.access = access;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/clients", this::list);
        routes.get("/contacts/{id}", this::card);
        routes.get("/contacts/{id}/merge", this::merge);
    }

    private void list(Context ctx) {
        Agent agent = access.agent(ctx);
        String q = ctx.queryParam("q");
        String text = q == null || q.isBlank() ? null : q.strip();
        Long after = number(ctx.queryParam("after"));
        ContactService.Page page = contacts.list(text, null, after, 1, PAGE);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Clients");
        model.put("section", "clients");
        model.put("clientsTab", "contacts");
        model.put("q", text == null ? "" : text);
        model.put("items", page.items());
        model.put("next", page.next());
        model.put("first", after == null);
        pages.render(ctx, 200, "clients", agent, model);
    }

    @SuppressWarnings("unchecked")
    private void card(Context ctx) {
        Agent agent = access.agent(ctx);
        Optional<Long> id = Optional.ofNullable(number(ctx.pathParam("id")));
        Optional<Map<String, Object>> card = id.flatMap(found -> contacts.card(found, number(ctx.queryParam("ticketsAfter"))));
        if (card.isEmpty()) {
            notFound(ctx, agent);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> contact = card.get();
        model.put("title", contact.get("name") == null ? "Contact #" + id.get() : (String) contact.get("name"));
        model.put("section", "clients");
        model.put("card", contact);
        model.put("history", ((List<Map<String, Object>>) contact.get("history")).stream()
                .map(event -> ClientEventRow.of(event, id.get())).toList());
        model.put("mayMerge", permissions.allows(agent, "GET", "/contacts/{id}/merge"));
        model.put("ticketsAfter", ctx.queryParam("ticketsAfter"));
        model.put("mergedAt", Format.dayTime((Instant) contact.get("mergedAt")));
        model.put("tickets", ((List<TicketRow>) contact.get("tickets")).stream().map(t -> Map.of("id", t.id(),
                "number", t.number(), "subject", t.subject(), "status", t.status(), "statusLabel", Format.label(t.status()),
                "channel", t.channel(), "lastMessage", Format.dayTime(t.lastMessageAt()))).toList());
        transactions.read(handle -> {
            model.put("agents", new AgentQueries(handle).active());
            model.put("groups", new GroupQueries(handle).all().stream().filter(g -> !g.hidden()).toList());
            model.put("companies", handle.createQuery("select id, name from company order by lower(name) limit 1000")
                    .mapToMap().list());
            return null;
        });
        pages.render(ctx, 200, "contact", agent, model);
    }

    private void merge(Context ctx) {
        Agent agent = access.agent(ctx);
        Long id = number(ctx.pathParam("id"));
        Optional<Map<String, Object>> source = id == null ? Optional.empty() : contacts.card(id, null);
        if (source.isEmpty()) {
            notFound(ctx, agent);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Merge a contact");
        model.put("section", "clients");
        model.put("source", source.get());
        Long into = number(ctx.queryParam("into"));
        if (into != null) {
            Optional<Map<String, Object>> target = contacts.card(into, null);
            model.put("target", target.orElse(null));
            model.put("intoMissing", target.isEmpty());
            model.put("intoItself", into.equals(id));
        }
        pages.render(ctx, 200, "contact_merge", agent, model);
    }

    private void notFound(Context ctx, Agent agent) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "No such contact");
        model.put("message", "Contact " + ctx.pathParam("id") + " does not exist.");
        pages.render(ctx, 404, "error", agent, model);
    }

    private static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
