package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.hub.channel.ChannelReadiness;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.group.Group;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.catalog.CatalogList;
import io.supporthub.hub.catalog.CatalogQueries;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.ticket.Actor;
import io.supporthub.hub.ticket.AfterResolution;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketDetail;
import io.supporthub.hub.ticket.TicketListQueries;
import io.supporthub.hub.ticket.TicketQueries;
import io.supporthub.hub.ticket.TicketService;
import io.supporthub.hub.ticket.TicketStatus;
import io.supporthub.hub.ticket.TicketSummary;
import io.supporthub.hub.ticket.TransitionPolicy;
import io.supporthub.hub.ticket.LocalTimes;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ticket page {@code /tickets/{id}}: thread, reply box, controls and side panel, rendered on the server; every
 * action goes through the JSON API from the page's script. {@code ?part=live} answers only the parts that live
 * updates replace.
 */
final class TicketPage {

    private final Transactions transactions;
    private final TicketService tickets;
    private final ChannelReadiness canSend;
    private final PageAccess access;
    private final Pages pages;
    private final Clock clock;

    TicketPage(Transactions transactions, TicketService tickets, ChannelReadiness canSend, PageAccess access,
               Pages pages, Clock clock) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.canSend = canSend;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/tickets/{id}", this::page);
    }

    private void page(Context ctx) {
        Agent agent = access.agent(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            notFound(ctx, agent);
            return;
        }
        Optional<Map<String, Object>> model = transactions.read(handle -> model(handle, id, agent));
        if (model.isEmpty()) {
            notFound(ctx, agent);
            return;
        }
        pages.render(ctx, 200, "live".equals(ctx.queryParam("part")) ? "ticket_live" : "ticket", agent, model.get());
    }

    private void notFound(Context ctx, Agent agent) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "No such ticket");
        model.put("message", "Ticket " + ctx.pathParam("id") + " does not exist.");
        pages.render(ctx, 404, "error", agent, model);
    }

    private Optional<Map<String, Object>> model(Handle handle, long id, Agent agent) {
        Instant now = clock.instant();
        ZoneId zone = pages.zone(handle, agent);
        Optional<TicketDetail> loaded = TicketDetail.load(handle, id, now);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        TicketDetail detail = loaded.get();
        TicketSummary ticket = detail.ticket();
        Ticket row = new TicketQueries(handle).find(id).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", ticket);
        model.put("observers", detail.observers());
        model.put("watching", detail.observers().stream().anyMatch(o -> o.isAgent() && o.id() == agent.id()));
        model.put("section", "inbox");
        model.put("title", "#" + ticket.number() + " " + ticket.subject());
        model.put("statusLabel", ticket.statusLabel() != null ? ticket.statusLabel() : Format.label(ticket.status()));
        model.put("channelLabel", Format.channelLabel(ticket.channel()));
        TicketStatus base = TicketStatus.fromWire(ticket.status());
        if (!base.isOpenType() && row.archivedAt() != null) {
            AfterResolution after = tickets.afterResolution();
            if (base == TicketStatus.RESOLVED && ticket.resolvedAt() != null) {
                model.put("closesAt", Format.dayTime(after.closesAt(ticket.resolvedAt()), zone));
            }
            model.put("reopensUntil", Format.dayTime(after.reopensUntil(row.archivedAt()), zone));
        }
        // What the composer's "Send and …" buttons may do from here, by the transition table.
        model.put("mayResolve", TransitionPolicy.isAllowed(base, TicketStatus.RESOLVED, Actor.AGENT));
        model.put("mayAwaitReply", TransitionPolicy.isAllowed(base, TicketStatus.AWAITING_REPLY, Actor.AGENT));
        if (ticket.followUpOf() != null) {
            model.put("followUpOf", Map.of("id", ticket.followUpOf(), "number", handle.createQuery(
                    "select number from ticket where id = :id").bind("id", ticket.followUpOf()).mapTo(Long.class).one()));
        }
        List<MessageRow> messages = new ArrayList<>();
        detail.messages().forEach(m -> messages.add(MessageRow.of(m, now, zone)));
        model.put("messages", messages);
        CatalogLook look = CatalogLook.of(handle);
        model.put("timeline", detail.timeline().stream().map(event -> TimelineRow.of(event, look, zone)).toList());
        model.put("firstResponse", detail.firstResponseSeconds() == null ? null
                : Format.took(Duration.ofSeconds(detail.firstResponseSeconds())));
        model.put("resolution", ticket.resolvedAt() == null && ticket.closedAt() == null ? null
                : Format.took(Duration.ofSeconds(detail.resolutionSeconds())));
        model.put("sla", SlaBlock.of(ticket.sla(), !base.isOpenType(), now, zone));
        model.put("created", Format.dayTime(ticket.createdAt(), zone));
        model.put("postponedUntil", Format.inputValue(ticket.postponedUntil(), zone));
        model.put("postponedUntilText", Format.dayTime(ticket.postponedUntil(), zone));
        // The postpone picker takes wall-clock time in the viewer's zone, which it names; the server resolves it.
        model.put("timeZone", zone.getId());
        model.put("zoneLabel", Format.zoneLabel(zone, now));
        model.put("quickChoices", LocalTimes.quickChoices(now, zone));
        model.put("waited", ticket.waitingSince() == null ? null : Format.since(ticket.waitingSince(), now));
        List<ReplyTab> tabs = ReplyTab.of(new ContactQueries(handle).addresses(ticket.contact().id()), id,
                tickets.defaultReplyChannel(handle, row), canSend);
        model.put("tabs", tabs);
        // No usable tab, no send button to press: the tabs say why.
        model.put("canReply", tabs.stream().anyMatch(ReplyTab::enabled));
        model.put("addresses", ticket.contact().addresses());
        model.put("priorityColor", look.colorOf(ticket.priority()));
        model.put("statusColor", look.statusColorOf(ticket.statusLabel()));
        model.put("similar", new TicketListQueries(handle).similar(id, 8).stream().map(t -> InboxRow.of(t, now, look, zone)).toList());
        CatalogQueries catalog = new CatalogQueries(handle);
        model.put("agents", new AgentQueries(handle).active());
        model.put("companies", new io.supporthub.hub.company.CompanyQueries(handle).names());
        groups(model, new GroupQueries(handle), ticket, id);
        model.put("types", catalog.names(CatalogList.TYPES));
        model.put("priorities", catalog.names(CatalogList.PRIORITIES));
        model.put("statuses", catalog.all(CatalogList.STATUSES));
        Map<String, String> baseLabels = new HashMap<>();
        look.baseStates().forEach(state -> baseLabels.put(state.get("value"), state.get("label")));
        model.put("baseLabels", baseLabels);
        model.put("stars", ticket.rating() == null ? null : "★".repeat(Math.max(0, Math.min(5, ticket.rating())))
                + "☆".repeat(Math.max(0, 5 - Math.min(5, ticket.rating()))));
        return Optional.of(model);
    }

    /**
     * The groups the ticket may move to (the visible ones, and its own even when hidden), the escalation group the
     * button names, and, in the escalation group, the group "send back" returns it to (as {@code TicketService} chooses
     * it: the group it came from, else the first visible one).
     */
    private static void groups(Map<String, Object> model, GroupQueries groups, TicketSummary ticket, long id) {
        Long current = ticket.group() == null ? null : ticket.group().id();
        List<Group> all = groups.all();
        model.put("groups", all.stream().filter(g -> !g.hidden() || g.id() == (current == null ? -1 : current)).toList());
        Optional<Group> target = all.stream().filter(Group::escalationTarget).findFirst();
        model.put("observerGroups", all.stream().filter(g -> !g.hidden()).toList());
        model.put("escalationGroup", target.orElse(null));
        boolean escalated = target.isPresent() && current != null && target.get().id() == current;
        model.put("escalated", escalated);
        if (escalated) {
            model.put("sendBackTo", groups.escalatedFrom(id).or(() -> all.stream()
                    .filter(g -> !g.escalationTarget() && !g.hidden()).findFirst()).orElse(null));
        }
    }
}
