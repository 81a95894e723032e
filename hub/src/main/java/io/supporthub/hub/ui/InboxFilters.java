package io.supporthub.hub.ui;

import io.javalin.http.Context;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.ticket.TicketFilter;
import io.supporthub.hub.ticket.TicketStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The filter bar's values, read leniently: a malformed value is ignored, never an error page. {@code companyId}: the
 * tickets of one company (from its card's "Tickets in the inbox"). {@code sortByDue}: {@code sort=due}, nearest due
 * time first; {@code afterDueAt}: the cursor's due time while that order is among the tickets with one.
 */
public record InboxFilters(String channel, String status, String priority, Long assigneeId, boolean unassigned, String assignee,
               String group, String query, boolean allTickets, Instant afterAt, Long afterId, Long companyId,
               boolean sortByDue, Instant afterDueAt) {

    /** Whether the page is the list's first (no cursor). */
    public boolean firstPage() {
        return afterAt == null && afterDueAt == null;
    }

    /** The group filter's group, when it names one. */
    public Long groupId() {
        return group == null || myGroups() ? null : Long.valueOf(group);
    }

    /** Whether the group filter is "My groups". */
    public boolean myGroups() {
        return "mine".equals(group);
    }

    static InboxFilters from(Context ctx) {
        String channel = blank(ctx.queryParam("channel"));
        try {
            channel = channel == null ? null : ChannelKind.fromWire(channel).wireName();
        } catch (IllegalArgumentException e) {
            channel = null;
        }
        String status = blank(ctx.queryParam("status"));
        try {
            status = status == null ? null : TicketStatus.fromWire(status).wireName();
        } catch (IllegalArgumentException e) {
            status = null;
        }
        String assignee = blank(ctx.queryParam("assignee"));
        Long assigneeId = null;
        boolean unassigned = "none".equals(assignee);
        if (assignee != null && !unassigned) {
            try {
                assigneeId = Long.parseLong(assignee);
            } catch (NumberFormatException e) {
                assignee = null;
            }
        }
        String group = blank(ctx.queryParam("group"));
        if (group != null && !group.equals("mine")) {
            try {
                group = Long.toString(Long.parseLong(group));
            } catch (NumberFormatException e) {
                group = null;
            }
        }
        Instant afterAt = null;
        Instant afterDueAt = null;
        Long afterId = null;
        String after = blank(ctx.queryParam("after"));
        if (after != null) {
            try {
                Instant at = TicketFilter.cursorInstant(TicketFilter.plainCursor(after));
                afterId = TicketFilter.cursorId(TicketFilter.plainCursor(after));
                if (TicketFilter.isDueCursor(after)) {
                    afterDueAt = at;
                } else {
                    afterAt = at;
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                afterAt = null;
                afterDueAt = null;
                afterId = null;
            }
        }
        Long companyId = null;
        String company = blank(ctx.queryParam("company"));
        if (company != null) {
            try {
                companyId = Long.parseLong(company);
            } catch (NumberFormatException e) {
                companyId = null;
            }
        }
        return new InboxFilters(channel, status, blank(ctx.queryParam("priority")), assigneeId, unassigned, assignee, group,
                blank(ctx.queryParam("q")), "all".equals(ctx.queryParam("scope")), afterAt, afterId, companyId,
                "due".equals(ctx.queryParam("sort")), afterDueAt);
    }

    /** The query string of this list without the page cursor, for "next page" and live refreshes. */
    String queryString(InboxView view) {
        StringBuilder query = new StringBuilder("view=").append(view.key());
        append(query, "channel", channel);
        append(query, "status", status);
        append(query, "priority", priority);
        append(query, "assignee", assignee);
        append(query, "group", group);
        append(query, "q", this.query);
        append(query, "scope", allTickets ? "all" : null);
        append(query, "company", companyId == null ? null : companyId.toString());
        append(query, "sort", sortByDue ? "due" : null);
        return query.toString();
    }

    /** The same list searched in the view ({@code false}) or in all tickets ({@code true}), from its first page. */
    String queryStringInScope(InboxView view, boolean all) {
        return new InboxFilters(channel, status, priority, assigneeId, unassigned, assignee, group, query, all, null, null,
                companyId, sortByDue, null)
                .queryString(view);
    }

    /** The same list in the other order ({@code sort=due} or the usual), from its first page. */
    String queryStringSorted(InboxView view, boolean byDue) {
        return new InboxFilters(channel, status, priority, assigneeId, unassigned, assignee, group, query, allTickets, null,
                null, companyId, byDue, null).queryString(view);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
