package io.supporthub.hub.ticket;

import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.ticket.TicketSummary.AddressView;
import io.supporthub.hub.ticket.TicketSummary.AgentRef;
import io.supporthub.hub.ticket.TicketSummary.ContactView;
import io.supporthub.hub.ticket.search.SearchTerms;
import io.supporthub.hub.ticket.search.TicketSearchQueries;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ticket list's SQL (filters, full-text search, keyset paging), one ticket and similar tickets. */
public final class TicketListQueries {

    private static final String FILTER_JOINS = "left join ticket_type ty on ty.id = t.type_id "
            + "left join ticket_priority p on p.id = t.priority_id ";

    static final String SELECT = "select t.id, t.number, t.subject, t.status, cs.name as custom_status, t.line, t.channel, "
            + "t.contact_id, c.name as contact_name, t.assignee_id, a.name as assignee_name, ty.name as type_name, "
            + "p.name as priority_name, t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, "
            + "t.postponed_until, t.last_message_at, t.last_message_in, t.waiting_since, t.rating, t.rating_comment, "
            + "t.follow_up_of, (select left(m.text, 160) from message m where m.ticket_id = t.id and m.visibility = 'public' "
            + "and not (m.automated and m.direction = 'out') order by m.id desc limit 1) as excerpt "
            + "from ticket t join contact c on c.id = t.contact_id left join agent a on a.id = t.assignee_id "
            + "left join ticket_type ty on ty.id = t.type_id left join ticket_priority p on p.id = t.priority_id "
            + "left join custom_status cs on cs.id = t.custom_status_id ";

    private final Handle handle;

    public TicketListQueries(Handle handle) {
        this.handle = handle;
    }

    /** One page; the list is one row longer than the limit when another page follows (the caller trims it). */
    public List<TicketSummary> list(TicketFilter filter) {
        String conditions = conditions(filter);
        SearchTerms terms = filter.query() == null ? null : SearchTerms.parse(filter.query());
        if (terms != null) {
            List<Long> ids = new TicketSearchQueries(handle).newest(terms,
                    new TicketSearchQueries.ListPart(FILTER_JOINS, conditions, query -> bindFilter(query, filter)),
                    filter.afterAt(), filter.afterId(), filter.limit() + 1);
            return withAddresses(handle.createQuery(SELECT + "where t.id = any(:ids) order by t.last_message_at desc, t.id desc")
                    .bindArray("ids", Long.class, ids).map((rs, ctx) -> row(rs)).list());
        }
        StringBuilder sql = new StringBuilder(SELECT).append("where true ").append(conditions);
        if (filter.afterAt() != null) {
            sql.append("and (t.last_message_at, t.id) < (:afterAt, :afterId) ");
        }
        sql.append("order by t.last_message_at desc, t.id desc limit :limit");
        Query query = handle.createQuery(sql.toString())
                .bind("afterAt", filter.afterAt())
                .bind("afterId", filter.afterId())
                .bind("limit", filter.limit() + 1);
        bindFilter(query, filter);
        return withAddresses(query.map((rs, ctx) -> row(rs)).list());
    }

    /** The filter's conditions on {@code t} (and the priority {@code p} and type {@code ty} of {@link #FILTER_JOINS}). */
    private static String conditions(TicketFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (!filter.statuses().isEmpty()) {
            sql.append("and t.status = any(:statuses) ");
        }
        if (filter.line() != null) {
            sql.append("and t.line = :line ");
        }
        if (filter.assigneeId() != null) {
            sql.append("and t.assignee_id = :assigneeId ");
        }
        if (filter.unassigned()) {
            sql.append("and t.assignee_id is null ");
        }
        if (filter.channel() != null) {
            sql.append("and t.channel = :channel ");
        }
        if (filter.priority() != null) {
            sql.append("and lower(p.name) = lower(:priority) ");
        }
        if (filter.type() != null) {
            sql.append("and lower(ty.name) = lower(:type) ");
        }
        if (filter.contactId() != null) {
            sql.append("and t.contact_id = :contactId ");
        }
        return sql.toString();
    }

    private static void bindFilter(Query query, TicketFilter filter) {
        query.bind("line", filter.line())
                .bind("assigneeId", filter.assigneeId())
                .bind("channel", filter.channel())
                .bind("priority", filter.priority())
                .bind("type", filter.type())
                .bind("contactId", filter.contactId());
        query.bindArray("statuses", String.class, filter.statuses());
    }

    public Optional<TicketSummary> find(long id) {
        return withAddresses(handle.createQuery(SELECT + "where t.id = :id").bind("id", id).map((rs, ctx) -> row(rs)).list())
                .stream().findFirst();
    }

    /**
     * Other tickets of people who share an email or phone with this ticket's customer (the same person twice).
     * Addresses are stored normalised (emails lower-cased, phones in E.164), so the unique (kind, value) index serves
     * the match.
     */
    public List<TicketSummary> similar(long ticketId, int limit) {
        return withAddresses(handle.createQuery(SELECT + "where t.id <> :id and t.contact_id in ("
                        + "select other.contact_id from ticket me join contact_address mine on mine.contact_id = me.contact_id "
                        + "join contact_address other on other.kind = mine.kind and other.value = mine.value "
                        + "where me.id = :id and mine.kind in ('email', 'phone') "
                        + "union select contact_id from ticket where id = :id) "
                        + "order by t.last_message_at desc, t.id desc limit :limit")
                .bind("id", ticketId).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list());
    }

    private List<TicketSummary> withAddresses(List<TicketSummary> rows) {
        Map<Long, List<AddressRow>> addresses = new ContactQueries(handle)
                .addressesOf(rows.stream().map(t -> t.contact().id()).distinct().toList());
        return rows.stream().map(t -> {
            List<AddressView> views = addresses.getOrDefault(t.contact().id(), List.of()).stream()
                    .map(a -> new AddressView(a.kind(), a.value(), a.reachable(), a.unreachableReason())).toList();
            ContactView contact = new ContactView(t.contact().id(), t.contact().name(), views);
            return new TicketSummary(t.id(), t.number(), t.subject(), t.status(), t.statusLabel(), t.line(), t.channel(),
                    contact, t.assignee(), t.type(), t.priority(), t.createdAt(), t.updatedAt(), t.firstResponseAt(),
                    t.resolvedAt(), t.closedAt(), t.postponedUntil(), t.lastMessageAt(), t.lastMessageFromCustomer(),
                    t.waitingSince(), t.excerpt(), t.rating(), t.ratingComment(), t.followUpOf());
        }).toList();
    }

    private static TicketSummary row(ResultSet rs) throws SQLException {
        long assigneeId = rs.getLong("assignee_id");
        AgentRef assignee = rs.wasNull() ? null : new AgentRef(assigneeId, rs.getString("assignee_name"));
        int rating = rs.getInt("rating");
        Integer ratingValue = rs.wasNull() ? null : rating;
        long followUp = rs.getLong("follow_up_of");
        Long followUpOf = rs.wasNull() ? null : followUp;
        return new TicketSummary(rs.getLong("id"), rs.getLong("number"), rs.getString("subject"), rs.getString("status"),
                rs.getString("custom_status"), rs.getInt("line"), rs.getString("channel"),
                new ContactView(rs.getLong("contact_id"), rs.getString("contact_name"), List.of()), assignee,
                rs.getString("type_name"), rs.getString("priority_name"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "first_response_at"), instant(rs, "resolved_at"),
                instant(rs, "closed_at"), instant(rs, "postponed_until"), instant(rs, "last_message_at"),
                rs.getBoolean("last_message_in"), instant(rs, "waiting_since"), rs.getString("excerpt"), ratingValue,
                rs.getString("rating_comment"), followUpOf);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** How many tickets the inbox's views hold for an agent: their own, their line's unassigned, and each status. */
    public InboxCounts inboxCounts(long agentId, int line) {
        return handle.createQuery("select "
                        + "count(*) filter (where assignee_id = :me and status in ('open', 'pending', 'awaiting_reply')) as mine, "
                        + "count(*) filter (where assignee_id is null and line = :line and status in ('open', 'pending', 'awaiting_reply')) as unassigned, "
                        + "count(*) filter (where status in ('open', 'awaiting_reply')) as open, "
                        + "count(*) filter (where status = 'pending') as pending, "
                        + "count(*) filter (where status = 'postponed') as postponed "
                        + "from ticket where status in ('open', 'pending', 'awaiting_reply', 'postponed')")
                .bind("me", agentId).bind("line", line)
                .map((rs, ctx) -> new InboxCounts(rs.getLong("mine"), rs.getLong("unassigned"), rs.getLong("open"),
                        rs.getLong("pending"), rs.getLong("postponed")))
                .one();
    }

    /**
     * The inbox's counts, named by the views' keys: the page looks each view up as {@code counts[key]} (the resolved
     * view has none).
     */
    public record InboxCounts(long mine, long unassigned, long open, long pending, long postponed) {
    }
}
