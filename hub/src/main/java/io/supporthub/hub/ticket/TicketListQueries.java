package io.supporthub.hub.ticket;

import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.group.TicketGroupScope;
import io.supporthub.hub.ticket.TicketSummary.AddressView;
import io.supporthub.hub.ticket.TicketSummary.AgentRef;
import io.supporthub.hub.ticket.TicketSummary.CompanyRef;
import io.supporthub.hub.ticket.TicketSummary.ContactView;
import io.supporthub.hub.ticket.TicketSummary.GroupRef;
import io.supporthub.hub.ticket.search.SearchTerms;
import io.supporthub.hub.ticket.search.TicketSearchQueries;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The ticket list's SQL (filters, full-text search, keyset paging), one ticket and similar tickets. */
public final class TicketListQueries {

    // The names from the small catalog tables are looked up row by row rather than joined: a page has 51 rows, and
    // each join would add to the planning, which at this size costs more than the lookups.
    private static final String COLUMNS = "select t.id, t.number, t.subject, t.status, "
            + "coalesce((select name from custom_status where id = t.custom_status_id), "
            + "(select name from custom_status where system and base_state = t.status)) as custom_status, "
            + "case when " + GroupQueries.TICKET_GROUP + " = (select id from agent_group where escalation_target) "
            + "then 2 else 1 end as line, " + GroupQueries.TICKET_GROUP + " as group_id, "
            + "(select name from agent_group where id = " + GroupQueries.TICKET_GROUP + ") as group_name, t.channel, "
            + "t.contact_id, c.name as contact_name, t.assignee_id, (select name from agent where id = t.assignee_id) as assignee_name, "
            + "(select name from ticket_type where id = t.type_id) as type_name, "
            + "(select name from ticket_priority where id = t.priority_id) as priority_name, t.created_at, t.updated_at, "
            + "t.first_response_at, t.resolved_at, t.closed_at, t.postponed_until, t.last_message_at, t.last_message_in, "
            + "t.waiting_since, t.rating, t.rating_comment, t.follow_up_of, t.company_id, "
            + "(select name from company where id = t.company_id) as company_name, "
            + "(select g.name from company co join client_category g on g.id = co.category_id where co.id = t.company_id) "
            + "as company_category, (select left(m.text, 160) from message m "
            + "where m.ticket_id = t.id and m.visibility = 'public' and not (m.automated and m.direction = 'out') "
            + "order by m.id desc limit 1) as excerpt, "
            // The customer's addresses in the same statement, as (kind, value, unreachable reason) flattened: a second
            // query for them cost a round trip more, each a chance for a busy machine to make the request wait.
            + "array(select unnest(array[a.kind, a.value, a.unreachable_reason]) from contact_address a "
            + "where a.contact_id = t.contact_id order by a.id) as addresses, " + TicketSla.COLUMNS;
    private static final String JOINS = "join contact c on c.id = t.contact_id ";
    static final String SELECT = COLUMNS + "from ticket t " + JOINS;

    private final Handle handle;
    private final PhoneNumbers phones;
    private Instant now = Instant.now();

    /** The moment "overdue" is read at (the hub's clock; by default the machine's). */
    public TicketListQueries at(Instant now) {
        this.now = now;
        return this;
    }

    /** Reading phone numbers in the search box only in international form. */
    public TicketListQueries(Handle handle) {
        this(handle, new PhoneNumbers(null));
    }

    /** Reading phone numbers in the search box in the default region of {@code phones} too. */
    public TicketListQueries(Handle handle, PhoneNumbers phones) {
        this.handle = handle;
        this.phones = phones;
    }

    /**
     * One page; the list is one row longer than the limit when another page follows (the caller trims it). Without
     * search words the page is a union of one index scan per status, each stopping after a page (the inbox indexes
     * lead with the status, or with the filtered column then the status, and end in the list's order), so a page costs
     * the same however many tickets there are; the page's rows are then joined to what they show.
     */
    public List<TicketSummary> list(TicketFilter filter) {
        SearchTerms terms = filter.query() == null ? null : SearchTerms.parse(filter.query(), phones);
        if (terms != null) {
            String conditions = (filter.statuses().isEmpty() ? "" : "and t.status = any(:statuses) ")
                    + TicketConditions.of(handle, filter, TicketGroupScope.condition(handle, filter.groupIds(), filter.line()));
            List<Long> ids = new TicketSearchQueries(handle).newest(terms,
                    new TicketSearchQueries.ListPart(conditions, query -> TicketConditions.bind(query, filter)
                            .bindArray("statuses", String.class, filter.statuses())),
                    filter.afterAt(), filter.afterId(), filter.limit() + 1);
            return handle.createQuery(SELECT + "where t.id = any(:ids) order by t.last_message_at desc, t.id desc")
                    .bindArray("ids", Long.class, ids).map((rs, ctx) -> row(rs)).list();
        }
        if (filter.due().sorted()) {
            return listByDue(filter);
        }
        String conditions = TicketConditions.of(handle, filter, "");
        List<String> scopes = TicketGroupScope.branches(handle, filter.groupIds(), filter.line());
        String sql = COLUMNS + "from (" + pageByStatus(filter, scopes.stream().map(scope -> scope + conditions).toList())
                + ") page join ticket t on t.id = page.id " + JOINS
                + "order by t.last_message_at desc, t.id desc";
        Query query = TicketConditions.bind(handle.createQuery(sql), filter);
        // A list with no filter has no parameter left at all, which JDBI would take for a mistake.
        query.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /**
     * A page in the due-time order: the tickets with a due time nearest first (a branch per status and group as in
     * {@link #pageByStatus}, each an index scan of V20261204_0400's in due order; the cursor a due time and an id), then, once those are through, the ones
     * without a due time in the usual order and with the usual cursor (none when the list has a due-time window).
     */
    private List<TicketSummary> listByDue(TicketFilter filter) {
        int limit = filter.limit() + 1;
        boolean amongDue = filter.afterAt() == null || filter.due().afterDueAt() != null;
        List<Long> ids = new ArrayList<>();
        if (amongDue) {
            String conditions = TicketConditions.of(handle, filter, "")
                    + (filter.due().afterDueAt() == null ? "" : "and (t.sla_due_at, t.id) > (:afterDueAt, :afterId) ");
            List<String> branches = new ArrayList<>();
            for (String status : statusesOf(filter)) {
                for (String scope : TicketGroupScope.branches(handle, filter.groupIds(), filter.line())) {
                    branches.add("(select t.id, t.sla_due_at from ticket t where t.status = '"
                            + TicketStatus.fromWire(status).wireName() + "' and t.sla_due_at is not null " + scope
                            + conditions + "order by t.sla_due_at, t.id limit " + limit + ")");
                }
            }
            String sql = "select id from (" + String.join(" union all ", branches) + ") branches "
                    + "order by sla_due_at, id limit " + limit;
            Query query = TicketConditions.bind(handle.createQuery(sql), filter).bind("afterDueAt", filter.due().afterDueAt());
            query.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            ids.addAll(query.mapTo(Long.class).list());
        }
        if (ids.size() < limit && !filter.due().windowed()) {
            TicketFilter undue = amongDue ? filter.withCursor(null, null) : filter;
            String conditions = "and t.sla_due_at is null " + TicketConditions.of(handle, undue.withDue(DueListing.NONE), "");
            List<String> scopes = TicketGroupScope.branches(handle, filter.groupIds(), filter.line());
            Query query = TicketConditions.bind(handle.createQuery(pageByStatus(undue,
                    scopes.stream().map(scope -> scope + conditions).toList(), limit - ids.size())), undue);
            query.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            ids.addAll(query.map((rs, ctx) -> rs.getLong("id")).list());
        }
        Map<Long, TicketSummary> byId = new HashMap<>();
        handle.createQuery(SELECT + "where t.id = any(:ids)").bindArray("ids", Long.class, ids)
                .map((rs, ctx) -> row(rs)).forEach(row -> byId.put(row.id(), row));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The next page's cursor after {@code last}: a due cursor while the due-time order is among tickets with one. */
    public String nextCursor(TicketFilter filter, TicketSummary last) {
        if (filter.due().sorted() && filter.query() == null) {
            if (last.sla() != null && last.sla().dueAt() != null) {
                return TicketFilter.dueCursor(last.sla().dueAt(), last.id());
            }
        }
        return TicketFilter.cursor(last.lastMessageAt(), last.id());
    }

    private static String pageByStatus(TicketFilter filter, List<String> conditionsByBranch) {
        return pageByStatus(filter, conditionsByBranch, filter.limit() + 1);
    }

    /**
     * The page's ids: a branch per status, and per group when the list is of a few groups ({@link
     * TicketGroupScope#branches}), each one index scan in list order. The statuses and the limit are written out (a checked wire name, a number) so that each branch
     * is planned for its own status and the statement's generic plan, which PostgreSQL reuses without planning again,
     * is the same as a plan for the values: a bound limit would be planned as a guess.
     */
    private static String pageByStatus(TicketFilter filter, List<String> conditionsByBranch, int limit) {
        List<String> branches = new ArrayList<>();
        for (String status : statusesOf(filter)) {
            for (String conditions : conditionsByBranch) {
                branches.add("(select t.id, t.last_message_at from ticket t where t.status = '"
                        + TicketStatus.fromWire(status).wireName() + "' " + conditions
                        + "order by t.last_message_at desc, t.id desc limit " + limit + ")");
            }
        }
        return "select id, last_message_at from (" + String.join(" union all ", branches) + ") branches "
                + "order by last_message_at desc, id desc limit " + limit;
    }

    /** The statuses asked for, or all of them. */
    private static List<String> statusesOf(TicketFilter filter) {
        return filter.statuses().isEmpty()
                ? Arrays.stream(TicketStatus.values()).map(TicketStatus::wireName).toList()
                : filter.statuses();
    }

    public Optional<TicketSummary> find(long id) {
        return handle.createQuery(SELECT + "where t.id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /**
     * Other tickets of people who share an email or phone with this ticket's customer (the same person twice).
     * Addresses are stored normalised (emails lower-cased, phones in E.164), so the unique (kind, value) index serves
     * the match.
     */
    public List<TicketSummary> similar(long ticketId, int limit) {
        return handle.createQuery(SELECT + "where t.id <> :id and t.contact_id in ("
                        + "select other.contact_id from ticket me join contact_address mine on mine.contact_id = me.contact_id "
                        + "join contact_address other on other.kind = mine.kind and other.value = mine.value "
                        + "where me.id = :id and mine.kind in ('email', 'phone') "
                        + "union select contact_id from ticket where id = :id) "
                        + "order by t.last_message_at desc, t.id desc limit :limit")
                .bind("id", ticketId).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list();
    }

    private TicketSummary row(ResultSet rs) throws SQLException {
        long assigneeId = rs.getLong("assignee_id");
        AgentRef assignee = rs.wasNull() ? null : new AgentRef(assigneeId, rs.getString("assignee_name"));
        int rating = rs.getInt("rating");
        Integer ratingValue = rs.wasNull() ? null : rating;
        long followUp = rs.getLong("follow_up_of");
        Long followUpOf = rs.wasNull() ? null : followUp;
        long groupId = rs.getLong("group_id");
        GroupRef group = rs.wasNull() ? null : new GroupRef(groupId, rs.getString("group_name"));
        long companyId = rs.getLong("company_id");
        CompanyRef company = rs.wasNull() ? null
                : new CompanyRef(companyId, rs.getString("company_name"), rs.getString("company_category"));
        return new TicketSummary(rs.getLong("id"), rs.getLong("number"), rs.getString("subject"), rs.getString("status"),
                rs.getString("custom_status"), rs.getInt("line"), group, rs.getString("channel"),
                new ContactView(rs.getLong("contact_id"), rs.getString("contact_name"), addresses(rs)), assignee,
                rs.getString("type_name"), rs.getString("priority_name"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "first_response_at"), instant(rs, "resolved_at"),
                instant(rs, "closed_at"), instant(rs, "postponed_until"), instant(rs, "last_message_at"),
                rs.getBoolean("last_message_in"), instant(rs, "waiting_since"), rs.getString("excerpt"), ratingValue,
                rs.getString("rating_comment"), followUpOf, company, TicketSla.of(rs, now));
    }

    private static List<AddressView> addresses(ResultSet rs) throws SQLException {
        String[] flat = (String[]) rs.getArray("addresses").getArray();
        List<AddressView> addresses = new ArrayList<>(flat.length / 3);
        for (int i = 0; i + 2 < flat.length; i += 3) {
            addresses.add(new AddressView(flat[i], flat[i + 1], flat[i + 2] == null, flat[i + 2]));
        }
        return addresses;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
