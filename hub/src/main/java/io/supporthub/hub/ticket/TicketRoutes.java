package io.supporthub.hub.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;
import io.supporthub.hub.web.ServerTiming;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent API on tickets (CONTRACT.md). */
public final class TicketRoutes {

    private final Transactions transactions;
    private final TicketService tickets;
    private final TicketOpener opener;
    private final ViewCounts viewCounts;
    private final Clock clock;
    /** How the search box reads phone numbers written without {@code +}. */
    private final PhoneNumbers phones;

    public TicketRoutes(Transactions transactions, TicketService tickets, TicketOpener opener, ViewCounts viewCounts,
                        PhoneNumbers phones, Clock clock) {
        this.phones = phones;
        this.transactions = transactions;
        this.tickets = tickets;
        this.opener = opener;
        this.viewCounts = viewCounts;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/tickets", this::list);
        routes.post("/api/tickets", this::open);
        routes.get("/api/tickets/counts", this::counts);
        routes.get("/api/tickets/{id}", this::detail);
        routes.patch("/api/tickets/{id}", this::update);
        routes.post("/api/tickets/{id}/replies", this::reply);
        routes.post("/api/tickets/{id}/notes", this::note);
        routes.post("/api/tickets/{id}/status", this::status);
        routes.post("/api/tickets/{id}/escalate", this::escalate);
        routes.post("/api/tickets/{id}/take", this::take);
        routes.get("/api/tickets/{id}/similar", this::similar);
    }

    private void list(Context ctx) {
        long started = System.nanoTime();
        Agent agent = Authentication.agent(ctx);
        TicketFilter filter = filter(ctx, agent, groupIds(ctx, agent));
        long reading = System.nanoTime();
        List<TicketSummary> rows = transactions.read(handle -> new TicketListQueries(handle, phones).at(clock.instant()).list(filter));
        long database = System.nanoTime() - reading;
        String next = null;
        if (rows.size() > filter.limit()) {
            rows = rows.subList(0, filter.limit());
            TicketSummary last = rows.get(rows.size() - 1);
            next = TicketFilter.cursor(last.lastMessageAt(), last.id());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", rows);
        body.put("next", next);
        ctx.json(body);
        ServerTiming.since(ctx, started, database);
    }

    private void counts(Context ctx) {
        long started = System.nanoTime();
        Agent agent = Authentication.agent(ctx);
        ctx.json(transactions.read(handle -> viewCounts.of(handle, agent.id())));
        ServerTiming.since(ctx, started);
    }

    /** The groups of {@code group=<id>|mine} (mine: every group the agent is a member of); null without the filter. */
    private List<Long> groupIds(Context ctx, Agent agent) {
        String group = ctx.queryParam("group");
        if (group == null || group.isBlank()) {
            return null;
        }
        if ("mine".equals(group)) {
            return transactions.read(handle -> new GroupQueries(handle).groupsOf(agent.id()));
        }
        try {
            return List.of(Long.parseLong(group));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("'group' must be a group id or mine");
        }
    }

    static TicketFilter filter(Context ctx, Agent agent, List<Long> groupIds) {
        try {
            String status = ctx.queryParam("status");
            List<String> statuses = status == null || status.isBlank() ? List.of()
                    : Arrays.stream(status.split(",")).map(String::strip).map(s -> TicketStatus.fromWire(s).wireName()).toList();
            String assignee = ctx.queryParam("assignee");
            Long assigneeId = assignee == null || assignee.isBlank() ? null
                    : "me".equals(assignee) ? agent.id() : Long.parseLong(assignee);
            String channel = ctx.queryParam("channel");
            if (channel != null && !channel.isBlank()) {
                channel = ChannelKind.fromWire(channel).wireName();
            } else {
                channel = null;
            }
            String line = ctx.queryParam("line");
            String contact = ctx.queryParam("contact");
            String after = ctx.queryParam("after");
            String limit = ctx.queryParam("limit");
            String scope = ctx.queryParamAsClass("scope", String.class).getOrDefault("view");
            if (!scope.equals("view") && !scope.equals("all")) {
                throw Refusal.invalid("'scope' must be view or all");
            }
            TicketFilter filter = new TicketFilter(statuses,
                    line == null || line.isBlank() ? null : Integer.parseInt(line),
                    assigneeId,
                    "true".equals(ctx.queryParam("unassigned")),
                    channel,
                    blankToNull(ctx.queryParam("priority")),
                    blankToNull(ctx.queryParam("type")),
                    contact == null || contact.isBlank() ? null : Long.parseLong(contact),
                    watcher(ctx.queryParam("watching"), agent),
                    blankToNull(ctx.queryParam("q")),
                    after == null || after.isBlank() ? null : TicketFilter.cursorInstant(after),
                    after == null || after.isBlank() ? null : TicketFilter.cursorId(after),
                    limit == null || limit.isBlank() ? 50 : Integer.parseInt(limit), groupIds);
            String company = ctx.queryParam("company");
            filter = filter.withCompany(company == null || company.isBlank() ? null : Long.parseLong(company.strip()));
            return scope.equals("all") ? filter.everywhere() : filter;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw Refusal.invalid("malformed filter: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    /** {@code watching=me}: the caller's watched tickets; another agent's id is taken too. */
    private static Long watcher(String watching, Agent agent) {
        if (watching == null || watching.isBlank()) {
            return null;
        }
        return "me".equals(watching) ? agent.id() : Long.parseLong(watching);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void detail(Context ctx) {
        long started = System.nanoTime();
        long id = id(ctx);
        ctx.json(transactions.read(handle -> TicketDetail.load(handle, id, clock.instant()))
                .orElseThrow(() -> TicketService.notFound(id)));
        ServerTiming.since(ctx, started);
    }

    private void similar(Context ctx) {
        long id = id(ctx);
        ctx.json(Map.of("items", transactions.read(handle -> new TicketListQueries(handle).similar(id, 20))));
    }

    private void open(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        JsonNode body = Json.body(ctx);
        JsonNode contact = body.get("contact");
        if (contact == null || !contact.isObject()) {
            throw Refusal.invalid("'contact' is required: {\"id\"} or {\"name\", \"email\", \"phone\"}");
        }
        Ticket ticket = opener.open(agent, new TicketOpener.NewTicketRequest(
                Json.text(body, "subject"),
                Json.optText(body, "text"),
                Json.optLong(contact, "id"),
                Json.optText(contact, "name"),
                Json.optText(contact, "email"),
                Json.optText(contact, "phone"),
                channel(Json.optText(body, "channel")),
                Json.optText(body, "type"),
                Json.optText(body, "priority"),
                Json.optText(body, "status"),
                until(body),
                resolutionDueAt(body)));
        ctx.status(201).json(transactions.read(handle -> new TicketListQueries(handle).at(clock.instant()).find(ticket.id())).orElseThrow());
    }

    private void update(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        JsonNode body = Json.body(ctx);
        boolean assigneeSet = body.has("assignee");
        Long assignee = null;
        if (assigneeSet && !body.get("assignee").isNull()) {
            JsonNode node = body.get("assignee");
            if (node.isTextual() && "me".equals(node.asText())) {
                assignee = agent.id();
            } else if (node.isIntegralNumber()) {
                assignee = node.asLong();
            } else {
                throw Refusal.invalid("'assignee' must be an agent id, \"me\" or null");
            }
        }
        boolean groupSet = body.has("group");
        Long group = null;
        if (groupSet && !body.get("group").isNull()) {
            JsonNode node = body.get("group");
            if (!node.isIntegralNumber()) {
                throw Refusal.invalid("'group' must be a group id or null");
            }
            group = node.asLong();
        }
        boolean companySet = body.has("companyId");
        Long company = companySet ? Json.optLong(body, "companyId") : null;
        tickets.update(id(ctx), agent, new TicketService.TicketPatch(assigneeSet, assignee,
                Json.optText(body, "type"), Json.optText(body, "priority"), Json.optText(body, "subject"), groupSet, group,
                companySet, company, body.has("resolutionDueAt") || body.has("localResolutionDueAt"), resolutionDueAt(body)));
        respondWithTicket(ctx);
    }

    private void reply(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        JsonNode body = Json.body(ctx);
        boolean resolve = Json.optBoolean(body, "resolve", false);
        String then = Json.optText(body, "status");
        if (resolve && then != null) {
            throw Refusal.invalid("give 'resolve' or 'status', not both");
        }
        long messageId = tickets.reply(id(ctx), agent, Json.text(body, "text"), channel(Json.optText(body, "channel")),
                resolve ? TicketStatus.RESOLVED.wireName() : then);
        ctx.status(201).json(Map.of("messageId", messageId, "deliveryState", "queued"));
    }

    private void note(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        long messageId = tickets.note(id(ctx), agent, Json.text(Json.body(ctx), "text"));
        ctx.status(201).json(Map.of("messageId", messageId));
    }

    private void status(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        JsonNode body = Json.body(ctx);
        tickets.changeStatus(id(ctx), agent, Json.text(body, "status"), until(body));
        respondWithTicket(ctx);
    }

    /** {@code until} (a UTC instant), or {@code localUntil} (a wall-clock time) with its {@code timeZone}. */
    private static Instant until(JsonNode body) {
        String local = Json.optText(body, "localUntil");
        if (local != null) {
            return LocalTimes.resolve(local, Json.optText(body, "timeZone"));
        }
        String until = Json.optText(body, "until");
        try {
            return until == null ? null : Instant.parse(until);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'until' must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
        }
    }

    /**
     * {@code resolutionDueAt}: an ISO instant, or null (back to the computed time); or {@code localResolutionDueAt}, a
     * wall-clock time, with its {@code timeZone} (the pages send the viewer's).
     */
    private static Instant resolutionDueAt(JsonNode body) {
        String local = Json.optText(body, "localResolutionDueAt");
        if (local != null) {
            return LocalTimes.resolve(local, Json.optText(body, "timeZone"));
        }
        String due = Json.optText(body, "resolutionDueAt");
        try {
            return due == null || due.isBlank() ? null : Instant.parse(due);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'resolutionDueAt' must be an ISO-8601 instant such as 2026-12-01T09:00:00Z, or null");
        }
    }

    private void escalate(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        String raw = ctx.body();
        JsonNode body = raw.isBlank() ? Json.MAPPER.createObjectNode() : Json.body(ctx);
        Long line = Json.optLong(body, "line");
        tickets.escalate(id(ctx), agent, line == null ? 2 : line.intValue(), Json.optText(body, "reason"));
        respondWithTicket(ctx);
    }

    /** Assigns the ticket to the caller, also from another assignee; already theirs: 200, nothing changes. */
    private void take(Context ctx) {
        tickets.take(id(ctx), Authentication.agent(ctx));
        respondWithTicket(ctx);
    }

    private void respondWithTicket(Context ctx) {
        long id = id(ctx);
        ctx.json(transactions.read(handle -> new TicketListQueries(handle).at(clock.instant()).find(id)).orElseThrow(() -> TicketService.notFound(id)));
    }

    private static ChannelKind channel(String name) {
        try {
            return name == null ? null : ChannelKind.fromWire(name);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    static long id(Context ctx) {
        return PathParams.id(ctx, "ticket");
    }
}
