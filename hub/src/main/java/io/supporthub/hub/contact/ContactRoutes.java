package io.supporthub.hub.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.DisplayText;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.contact.ContactCardQueries.ObserverRow;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.ErrorHandling;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/contacts}: the search ({@code ?q=}, 10 matches, as the new-ticket form asks) and the paged list
 * ({@code page}, {@code after}, {@code limit}, {@code companyId}), creating, the card and its changes, addresses, the
 * merge. Who may call which is {@code RoutePermissions}' (the card's routes: {@code ContactAccess}).
 */
public final class ContactRoutes {

    private static final Logger log = LoggerFactory.getLogger(ContactRoutes.class);
    private static final int SEARCH_MATCHES = 10;
    private static final int MAX_LIMIT = 100;

    private final ContactService contacts;
    private final ContactMerge merge;

    public ContactRoutes(ContactService contacts, ContactMerge merge) {
        this.contacts = contacts;
        this.merge = merge;
    }

    public void register(RoutesConfig routes) {
        routes.exception(AddressTaken.class, ErrorHandling.whileOpen((e, ctx) -> {
            log.info("Refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.code());
            body.put("message", e.getMessage());
            body.put("contactId", e.contactId());
            ctx.status(409).json(body);
        }));
        routes.get("/api/contacts", this::list);
        routes.post("/api/contacts", ctx -> {
            JsonNode body = Json.body(ctx);
            ctx.status(201).json(contacts.create(Json.optText(body, "name"), Json.optText(body, "email"),
                    Json.optText(body, "phone"), Json.optLong(body, "companyId"), Authentication.agent(ctx).id()));
        });
        routes.get("/api/contacts/{id}", ctx -> ctx.json(contacts.card(id(ctx), longParam(ctx, "ticketsAfter"))
                .orElseThrow(() -> Refusal.notFound("no contact " + id(ctx)))));
        routes.patch("/api/contacts/{id}", ctx -> ctx.json(contacts.change(id(ctx), changes(Json.body(ctx)),
                Authentication.agent(ctx).id())));
        routes.post("/api/contacts/{id}/addresses", ctx -> {
            JsonNode body = Json.body(ctx);
            ContactService.Added added = contacts.addAddress(id(ctx), Json.text(body, "kind"), Json.text(body, "value"),
                    Authentication.agent(ctx).id());
            ctx.status(added.created() ? 201 : 200).json(added.card());
        });
        routes.delete("/api/contacts/{id}/addresses/{addressId}", ctx -> {
            long addressId;
            try {
                addressId = Long.parseLong(ctx.pathParam("addressId"));
            } catch (NumberFormatException e) {
                throw Refusal.notFound("no address '" + ctx.pathParam("addressId") + "'");
            }
            ctx.json(contacts.removeAddress(id(ctx), addressId, Authentication.agent(ctx).id()));
        });
        routes.post("/api/contacts/{id}/merge", ctx -> {
            JsonNode body = Json.body(ctx);
            Long into = Json.optLong(body, "into");
            if (into == null) {
                throw Refusal.invalid("'into' is required: the id of the contact to merge into");
            }
            String company = Json.optText(body, "company");
            ContactMerge.CompanyChoice choice;
            if (company == null || company.equals("target")) {
                choice = ContactMerge.CompanyChoice.TARGET;
            } else if (company.equals("source")) {
                choice = ContactMerge.CompanyChoice.SOURCE;
            } else {
                throw Refusal.invalid("'company' must be \"source\" or \"target\"");
            }
            ctx.json(merge.merge(id(ctx), into, choice, Authentication.agent(ctx).id()));
        });
    }

    /** A search answers 10 matches as before (with {@code next}); a list, a page of {@code limit}. */
    private void list(Context ctx) {
        String q = ctx.queryParam("q");
        String text = q == null || q.isBlank() ? null : q.strip();
        boolean paged = ctx.queryParam("page") != null || ctx.queryParam("after") != null
                || ctx.queryParam("limit") != null || ctx.queryParam("companyId") != null;
        int limit = paged || text == null ? intParam(ctx, "limit", 50, 1, MAX_LIMIT) : SEARCH_MATCHES;
        int page = intParam(ctx, "page", 1, 1, 10_000);
        ContactService.Page found = contacts.list(text, longParam(ctx, "companyId"), longParam(ctx, "after"), page, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", found.items());
        body.put("next", found.next());
        ctx.json(body);
    }

    private static ContactService.Changes changes(JsonNode body) {
        String name = null;
        if (body.has("name")) {
            name = ContactService.blankToNull(DisplayText.name(Json.optText(body, "name")));
            if (name == null) {
                throw Refusal.invalid("'name' cannot be empty");
            }
        }
        boolean setCompany = body.has("companyId");
        Long companyId = Json.optLong(body, "companyId");
        boolean setManager = body.has("manager");
        Long managerAgent = null;
        Long managerGroup = null;
        JsonNode manager = body.get("manager");
        if (manager != null && !manager.isNull()) {
            if (!manager.isObject()) {
                throw Refusal.invalid("'manager' must be {\"agentId\": n}, {\"groupId\": n} or null");
            }
            managerAgent = Json.optLong(manager, "agentId");
            managerGroup = Json.optLong(manager, "groupId");
            if ((managerAgent == null) == (managerGroup == null)) {
                throw Refusal.invalid("'manager' names an employee (agentId) or a group (groupId), one of them");
            }
        }
        List<ObserverRow> observers = body.has("observers") ? observers(body.get("observers")) : null;
        boolean setNotes = body.has("notes");
        String notes = ContactService.blankToNull(Json.optText(body, "notes"));
        if (notes != null && notes.length() > ContactService.MAX_NOTES) {
            throw Refusal.invalid("'notes' has at most " + ContactService.MAX_NOTES + " characters");
        }
        return new ContactService.Changes(name, setCompany, companyId, setManager, managerAgent, managerGroup, observers,
                setNotes, notes);
    }

    /** {@code [{"kind": "agent"|"group", "id": n}]}, or {@code [{"agentId": n} | {"groupId": n}]}. */
    private static List<ObserverRow> observers(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw Refusal.invalid("'observers' must be a list of {\"kind\": \"agent\"|\"group\", \"id\": n}");
        }
        List<ObserverRow> observers = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw Refusal.invalid("'observers' must be a list of {\"kind\": \"agent\"|\"group\", \"id\": n}");
            }
            Long agentId = Json.optLong(item, "agentId");
            Long groupId = Json.optLong(item, "groupId");
            String kind = Json.optText(item, "kind");
            Long id = Json.optLong(item, "id");
            if (kind != null && id != null && (kind.equals("agent") || kind.equals("group"))) {
                observers.add(new ObserverRow(kind, id, null));
            } else if (agentId != null && groupId == null) {
                observers.add(new ObserverRow("agent", agentId, null));
            } else if (groupId != null && agentId == null) {
                observers.add(new ObserverRow("group", groupId, null));
            } else {
                throw Refusal.invalid("an observer is {\"kind\": \"agent\"|\"group\", \"id\": n}");
            }
        }
        return observers;
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "contact");
    }

    private static Long longParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("'" + name + "' must be a whole number");
        }
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        Long value = longParam(ctx, name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw Refusal.invalid("'" + name + "' must be from " + min + " to " + max);
        }
        return value.intValue();
    }
}
