package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.PhotoUrls;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.catalog.CatalogList;
import io.supporthub.hub.catalog.CatalogQueries;
import io.supporthub.hub.catalog.CustomStatus;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.observer.ObserverQueries;
import io.supporthub.hub.ticket.Actor;
import io.supporthub.hub.ticket.DueListing;
import io.supporthub.hub.ticket.DueWindows;
import io.supporthub.hub.ticket.TicketFilter;
import io.supporthub.hub.ticket.TicketListQueries;
import io.supporthub.hub.ticket.TicketStatus;
import io.supporthub.hub.ticket.TicketSummary;
import io.supporthub.hub.ticket.TransitionPolicy;
import io.supporthub.hub.ticket.TicketView;
import io.supporthub.hub.ticket.ViewCounts;
import io.supporthub.hub.web.ServerTiming;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The inbox {@code /}: views, filters, search and keyset paging, rendered on the server straight from
 * {@link TicketListQueries}. {@code /inbox/rows} answers the same list without the page around it, for live refreshes.
 * Each answer carries {@code Server-Timing: render;dur=ms}.
 */
final class InboxPage {

    static final int PAGE_SIZE = 50;

    private final Transactions transactions;
    private final ViewCounts viewCounts;
    private final PageAccess access;
    private final Pages pages;
    private final Clock clock;
    private final Predicate<ChannelKind> canSend;
    private final PhoneNumbers phones;

    InboxPage(Transactions transactions, ViewCounts viewCounts, PageAccess access, Pages pages, PhoneNumbers phones,
              Clock clock, Predicate<ChannelKind> canSend) {
        this.phones = phones;
        this.transactions = transactions;
        this.viewCounts = viewCounts;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
        this.canSend = canSend;
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::page);
        routes.get("/inbox/rows", this::rows);
    }

    private void page(Context ctx) {
        long started = System.nanoTime();
        Agent agent = access.agent(ctx);
        long reading = System.nanoTime();
        Map<String, Object> model = transactions.read(handle -> {
            Map<String, Object> m = list(handle, ctx, agent);
            m.put("counts", viewCounts.of(handle, agent.id()));
            m.put("agents", new AgentQueries(handle).active());
            m.put("groups", new GroupQueries(handle).all().stream().filter(group -> !group.hidden()).toList());
            m.put("priorities", new CatalogQueries(handle).names(CatalogList.PRIORITIES));
            m.put("types", new CatalogQueries(handle).names(CatalogList.TYPES));
            m.put("initialStatuses", initialStatuses(new CatalogQueries(handle).all(CatalogList.STATUSES)));
            return m;
        });
        long database = System.nanoTime() - reading;
        model.put("views", InboxView.values());
        model.put("section", "inbox");
        model.put("channels", channelOptions(canSend));
        String html = pages.renderToString(ctx, "inbox", agent, model);
        Pages.headers(ctx);
        ServerTiming.since(ctx, started, database);
        ctx.html(html);
    }

    private void rows(Context ctx) {
        long started = System.nanoTime();
        Agent agent = access.agent(ctx);
        Map<String, Object> model = transactions.read(handle -> list(handle, ctx, agent));
        ServerTiming.since(ctx, started);
        pages.fragment(ctx, "inbox_rows", model);
    }

    private Map<String, Object> list(Handle handle, Context ctx, Agent agent) {
        InboxView view = InboxView.of(ctx.queryParam("view"));
        InboxFilters filters = InboxFilters.from(ctx);
        TicketView listed = view.ticketView();
        List<String> statuses = filters.status() == null ? listed.statuses() : List.of(filters.status());
        Long assigneeId = listed == TicketView.MINE ? Long.valueOf(agent.id()) : filters.assigneeId();
        boolean unassigned = listed == TicketView.UNASSIGNED || filters.unassigned();
        TicketFilter filter = new TicketFilter(statuses, null, assigneeId, unassigned, filters.channel(), filters.priority(),
                null, null, listed == TicketView.WATCHING ? Long.valueOf(agent.id()) : null, filters.query(), filters.afterAt(),
                filters.afterId(), PAGE_SIZE, groupIds(handle, agent, listed, filters)).withCompany(filters.companyId());
        boolean byDue = (listed.byDue() || filters.sortByDue()) && filters.query() == null;
        DueWindows.Window window = listed.window(handle, viewCounts.dueWindows());
        filter = filter.withDue(new DueListing(byDue, window == null ? null : window.from(),
                window == null ? null : window.before(), filters.afterDueAt()));
        TicketListQueries queries = new TicketListQueries(handle, phones);
        TicketFilter asked = filters.allTickets() && filters.query() != null ? filter.everywhere() : filter;
        List<TicketSummary> found = queries.list(asked);
        String next = null;
        if (found.size() > PAGE_SIZE) {
            found = found.subList(0, PAGE_SIZE);
            next = queries.nextCursor(asked, found.get(found.size() - 1));
        }
        Instant now = clock.instant();
        CatalogLook look = CatalogLook.of(handle);
        java.time.ZoneId zone = pages.zone(handle, agent);
        List<InboxRow> rows = new ArrayList<>(found.size());
        Set<Long> watched = new HashSet<>(new ObserverQueries(handle)
                .watchedAmong(agent.id(), found.stream().map(TicketSummary::id).toList()));
        int warnMinutes = DueText.warningMinutes(handle);
        for (TicketSummary ticket : found) {
            rows.add(InboxRow.of(ticket, now, look, zone, watched.contains(ticket.id()),
                    DueText.of(ticket.sla(), now, zone, warnMinutes)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("rows", rows);
        model.put("statusOptions", look.baseStates());
        model.put("filters", filters);
        model.put("companyName", filters.companyId() == null ? null
                : new io.supporthub.hub.ticket.TicketQueries(handle).companyName(filters.companyId()).orElse("#" + filters.companyId()));
        model.put("query", filters.queryString(view));
        model.put("searchAll", filters.allTickets() && filters.query() != null);
        model.put("inViewQuery", filters.queryStringInScope(view, false));
        model.put("inAllQuery", filters.queryStringInScope(view, true));
        model.put("photos", PhotoUrls.all(handle));
        model.put("timeZone", zone.getId());
        model.put("next", next);
        model.put("firstPage", filters.firstPage());
        model.put("byDue", byDue);
        model.put("sortable", !listed.byDue() && filters.query() == null);
        model.put("recentQuery", filters.queryStringSorted(view, false));
        model.put("dueQuery", filters.queryStringSorted(view, true));
        return model;
    }

    /**
     * The groups the list keeps: those of the group filter ("mine": the agent's), else, in the Unassigned view, the
     * agent's groups ("my groups' unassigned"); null: any group.
     */
    private static List<Long> groupIds(Handle handle, Agent agent, TicketView listed, InboxFilters filters) {
        if (filters.groupId() != null) {
            return List.of(filters.groupId());
        }
        if (filters.myGroups() || listed == TicketView.UNASSIGNED) {
            return new GroupQueries(handle).groupsOf(agent.id());
        }
        return null;
    }

    /**
     * The statuses the new ticket dialog offers, in position order: those an agent may move an Open ticket to without
     * more to say (postponing needs a time, so it is left to the ticket page).
     */
    private static List<CustomStatus> initialStatuses(List<CustomStatus> statuses) {
        return statuses.stream().filter(status -> {
            TicketStatus base = TicketStatus.fromWire(status.baseState());
            return base == TicketStatus.OPEN || base != TicketStatus.POSTPONED
                    && TransitionPolicy.isAllowed(TicketStatus.OPEN, base, Actor.AGENT);
        }).toList();
    }

    /** The channels a new ticket's first message may go out on: those with a sender configured, nothing else. */
    static List<Map<String, String>> channelOptions(Predicate<ChannelKind> canSend) {
        List<Map<String, String>> options = new ArrayList<>();
        for (ChannelKind kind : ChannelKind.values()) {
            if (canSend.test(kind)) {
                options.add(Map.of("value", kind.wireName(), "label", Format.channelLabel(kind.wireName())));
            }
        }
        return options;
    }
}
