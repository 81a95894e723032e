package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.agent.Role;
import io.supporthub.hub.company.CategoryQueries;
import io.supporthub.hub.company.Company;
import io.supporthub.hub.company.CompanyQueries;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.ticket.TicketFilter;
import io.supporthub.hub.ticket.TicketListQueries;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The companies of the client base: {@code /clients/companies} (searched by name or domain, by category, paged; a
 * senior adds companies and edits the categories there) and the card {@code /companies/{id}} (its people, its open
 * and closed tickets, its history; seniors edit it in place through {@code PATCH /api/companies/{id}}).
 */
final class CompanyPages {

    static final int PAGE_SIZE = 50;
    private static final int CARD_ROWS = 50;

    private final Transactions transactions;
    private final PageAccess access;
    private final Pages pages;
    private final Clock clock;

    CompanyPages(Transactions transactions, PageAccess access, Pages pages, Clock clock) {
        this.transactions = transactions;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/clients/companies", this::list);
        routes.get("/companies/{id}", this::card);
    }

    private void list(Context ctx) {
        Agent agent = access.agent(ctx);
        String q = blank(ctx.queryParam("q"));
        Long categoryId = number(ctx.queryParam("categoryId"));
        Long after = number(ctx.queryParam("after"));
        Map<String, Object> model = transactions.read(handle -> {
            Map<String, Object> m = new HashMap<>();
            List<Company> rows = new CompanyQueries(handle).page(q, categoryId, after, PAGE_SIZE);
            boolean more = rows.size() > PAGE_SIZE;
            List<Company> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
            m.put("companies", shown);
            m.put("next", more ? shown.get(PAGE_SIZE - 1).id() : null);
            m.put("categories", new CategoryQueries(handle).all());
            return m;
        });
        model.put("q", q);
        model.put("categoryId", categoryId);
        model.put("nextQuery", "q=" + java.net.URLEncoder.encode(q == null ? "" : q, java.nio.charset.StandardCharsets.UTF_8)
                + (categoryId == null ? "" : "&categoryId=" + categoryId));
        model.put("firstPage", after == null);
        model.put("canEdit", agent.rank().atLeast(Role.SENIOR));
        model.put("section", "clients");
        model.put("clientsTab", "companies");
        model.put("title", "Companies");
        pages.render(ctx, 200, "companies", agent, model);
    }

    private void card(Context ctx) {
        Agent agent = access.agent(ctx);
        Long id = number(ctx.pathParam("id"));
        Optional<Map<String, Object>> model = id == null ? Optional.empty() : transactions.read(handle -> model(handle, id));
        if (model.isEmpty()) {
            Map<String, Object> missing = new HashMap<>();
            missing.put("title", "No such company");
            missing.put("message", "Company " + ctx.pathParam("id") + " does not exist.");
            pages.render(ctx, 404, "error", agent, missing);
            return;
        }
        model.get().put("canEdit", agent.rank().atLeast(Role.SENIOR));
        pages.render(ctx, 200, "company", agent, model.get());
    }

    private Optional<Map<String, Object>> model(Handle handle, long id) {
        CompanyQueries companies = new CompanyQueries(handle);
        Optional<Company> found = companies.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Company company = found.get();
        Instant now = clock.instant();
        Map<String, Object> model = new HashMap<>();
        model.put("company", company);
        model.put("title", company.name());
        model.put("section", "clients");
        model.put("clientsTab", "companies");
        model.put("contacts", companies.contacts(id, CARD_ROWS));
        CatalogLook look = CatalogLook.of(handle);
        TicketListQueries tickets = new TicketListQueries(handle);
        model.put("openTickets", tickets.list(filter(List.of("open", "pending", "awaiting_reply", "postponed"), id))
                .stream().limit(CARD_ROWS).map(t -> InboxRow.of(t, now, look)).toList());
        model.put("closedTickets", tickets.list(filter(List.of("resolved", "closed"), id))
                .stream().limit(CARD_ROWS).map(t -> InboxRow.of(t, now, look)).toList());
        List<Map<String, Object>> all = companies.names();
        Map<Long, String> names = new HashMap<>();
        all.forEach(c -> names.put((Long) c.get("id"), (String) c.get("name")));
        model.put("otherCompanies", all.stream().filter(c -> !c.get("id").equals(id)).toList());
        model.put("supervised", company.supervises().stream()
                .map(s -> Map.<String, Object>of("id", s, "name", names.getOrDefault(s, "#" + s))).toList());
        model.put("history", companies.history(id, 100).stream().map(CompanyPages::historyRow).toList());
        model.put("categories", new CategoryQueries(handle).all());
        model.put("agents", new AgentQueries(handle).active());
        model.put("groups", new GroupQueries(handle).all());
        List<String> observerKeys = new ArrayList<>();
        company.observers().forEach(o -> observerKeys.add(o.kind() + ":" + o.id()));
        model.put("observerKeys", observerKeys);
        model.put("managerKey", company.manager() == null ? ""
                : company.manager().isGroup() ? "group:" + company.manager().groupId() : "agent:" + company.manager().agentId());
        return Optional.of(model);
    }

    private static TicketFilter filter(List<String> statuses, long companyId) {
        return new TicketFilter(statuses, null, null, false, null, null, null, null, null, null, null, null, CARD_ROWS, null,
                companyId);
    }

    /** A line of the history: when, who, and what ("created", "updated name, domains"). */
    record HistoryRow(String time, String who, String what) {
    }

    private static HistoryRow historyRow(CompanyQueries.HistoryEntry entry) {
        String who = entry.actorName() == null ? "System" : entry.actorName();
        String what = switch (entry.kind()) {
            case "created" -> "created the company";
            case "updated" -> "changed " + changedFields(entry.detail());
            default -> Format.label(entry.kind());
        };
        return new HistoryRow(Format.dayTime(entry.createdAt()), who, what);
    }

    private static String changedFields(String detail) {
        try {
            JsonNode node = detail == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(detail);
            List<String> parts = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode to = field.getValue().get("to");
                String value = to == null || to.isNull() ? "nothing" : to.isArray() ? join(to) : to.asText();
                parts.add(field.getKey() + " to " + (value.length() > 80 ? value.substring(0, 80) + "…" : value));
            }
            return parts.isEmpty() ? "nothing" : String.join("; ", parts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "details";
        }
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values.isEmpty() ? "nothing" : String.join(", ", values);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
