package io.supporthub.hub.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SQL of the contact card and its changes (issue 17): the contact's company, manager, observers, notes, tickets and
 * history ({@code client_event}), the paged list, and the statements of a merge. Within the caller's transaction.
 */
public final class ContactCardQueries {

    /** A contact with what its card shows at the top. */
    public record Head(long id, String name, Long companyId, String companyName, String companySource,
                       Long managerAgentId, String managerAgentName, Long managerGroupId, String managerGroupName,
                       String notes, Long mergedIntoId, String mergedIntoName, Instant mergedAt, Instant createdAt) {
    }

    public record ObserverRow(String kind, long id, String name) {
    }

    public record TicketRow(long id, long number, String subject, String status, String channel, Instant createdAt,
                            Instant lastMessageAt) {
    }

    public record EventRow(long id, String kind, Long actorId, String actorName, JsonNode detail, Instant createdAt) {
    }

    /** A line of the contacts list. */
    public record ListRow(long id, String name, Long companyId, String companyName, Long mergedIntoId) {
    }

    private static final String HEAD = "select c.id, c.name, c.company_id, co.name as company_name, c.company_source, "
            + "c.manager_agent_id, ma.name as manager_agent_name, c.manager_group_id, mg.name as manager_group_name, "
            + "c.notes, c.merged_into_id, mi.name as merged_into_name, c.merged_at, c.created_at from contact c "
            + "left join company co on co.id = c.company_id left join agent ma on ma.id = c.manager_agent_id "
            + "left join agent_group mg on mg.id = c.manager_group_id left join contact mi on mi.id = c.merged_into_id ";

    private final Handle handle;

    public ContactCardQueries(Handle handle) {
        this.handle = handle;
    }

    public Optional<Head> head(long id) {
        return handle.createQuery(HEAD + "where c.id = :id").bind("id", id).mapTo(Head.class).findOne();
    }

    /** Both contacts of a merge, locked until the transaction ends, in the order of their ids (no deadlock). */
    public Map<Long, Head> lockBoth(long one, long other) {
        List<Long> locked = handle.createQuery("select id from contact where id in (:one, :other) order by id for update")
                .bind("one", one).bind("other", other).mapTo(Long.class).list();
        Map<Long, Head> heads = new java.util.HashMap<>();
        for (long id : locked) {
            heads.put(id, head(id).orElseThrow());
        }
        return heads;
    }

    /** Locks the contact's row for a change of its card; empty when there is none. */
    public Optional<Long> lock(long id) {
        return handle.createQuery("select id from contact where id = :id for no key update").bind("id", id)
                .mapTo(Long.class).findOne();
    }

    public List<ObserverRow> observers(long contactId) {
        return handle.createQuery("select case when o.agent_id is not null then 'agent' else 'group' end as kind, "
                        + "coalesce(o.agent_id, o.group_id) as id, coalesce(a.name, g.name) as name from contact_observer o "
                        + "left join agent a on a.id = o.agent_id left join agent_group g on g.id = o.group_id "
                        + "where o.contact_id = :id order by o.id")
                .bind("id", contactId).mapTo(ObserverRow.class).list();
    }

    /** The contact's tickets on every channel, newest first, {@code limit} of them after the ticket {@code after}. */
    public List<TicketRow> tickets(long contactId, Long after, int limit) {
        Query query = handle.createQuery("select t.id, t.number, t.subject, t.status, t.channel, t.created_at, "
                        + "t.last_message_at from ticket t where t.contact_id = :id "
                        + (after == null ? "" : "and (t.created_at, t.id) < (select a.created_at, a.id from ticket a where a.id = :after) ")
                        + "order by t.created_at desc, t.id desc limit :limit")
                .bind("id", contactId).bind("limit", limit);
        if (after != null) {
            query.bind("after", after);
        }
        return query.mapTo(TicketRow.class).list();
    }

    public long ticketCount(long contactId) {
        return handle.createQuery("select count(*) from ticket where contact_id = :id").bind("id", contactId)
                .mapTo(Long.class).one();
    }

    /** The newest events of the contact's history. */
    public List<EventRow> history(long contactId, int limit) {
        return handle.createQuery("select e.id, e.kind, e.actor_agent_id, a.name as actor_name, e.detail::text as detail, "
                        + "e.created_at from client_event e left join agent a on a.id = e.actor_agent_id "
                        + "where e.contact_id = :id order by e.id desc limit :limit")
                .bind("id", contactId).bind("limit", limit)
                .map((rs, ctx) -> new EventRow(rs.getLong("id"), rs.getString("kind"), (Long) rs.getObject("actor_agent_id"),
                        rs.getString("actor_name"), parse(rs.getString("detail")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public void event(long contactId, String kind, Long actorId, Map<String, ?> detail, Instant now) {
        handle.createUpdate("insert into client_event (contact_id, kind, actor_agent_id, detail, created_at) "
                        + "values (:contactId, :kind, :actor, cast(:detail as jsonb), :now)")
                .bind("contactId", contactId).bind("kind", kind).bind("actor", actorId)
                .bind("detail", write(detail)).bind("now", now).execute();
    }

    /**
     * A page of contacts, newest first: not merged ones, those of a company when {@code companyId} is given, among
     * {@code matching} when a search gave it ({@link ContactMatcher}); after the contact {@code after}.
     */
    public List<ListRow> list(List<Long> matching, Long companyId, Long after, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select c.id, c.name, c.company_id, co.name as company_name, c.merged_into_id "
                + "from contact c left join company co on co.id = c.company_id where c.merged_into_id is null ");
        if (companyId != null) {
            sql.append("and c.company_id = :companyId ");
        }
        if (after != null) {
            sql.append("and c.id < :after ");
        }
        if (matching != null) {
            sql.append("and c.id = any(:matching) ");
        }
        sql.append("order by c.id desc limit :limit offset :offset");
        Query query = handle.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        if (companyId != null) {
            query.bind("companyId", companyId);
        }
        if (after != null) {
            query.bind("after", after);
        }
        if (matching != null) {
            query.bindArray("matching", Long.class, matching);
        }
        return query.mapTo(ListRow.class).list();
    }

    public Optional<String> companyName(long companyId) {
        return handle.createQuery("select name from company where id = :id").bind("id", companyId).mapTo(String.class).findOne();
    }

    public Optional<String> agentName(long agentId) {
        return handle.createQuery("select name from agent where id = :id").bind("id", agentId).mapTo(String.class).findOne();
    }

    public Optional<String> groupName(long groupId) {
        return handle.createQuery("select name from agent_group where id = :id").bind("id", groupId).mapTo(String.class).findOne();
    }

    public void rename(long id, String name) {
        handle.createUpdate("update contact set name = :name where id = :id").bind("id", id).bind("name", name).execute();
        refreshSearch(id);
    }

    /** The company an employee chose (null: a private person); a person's choice, never overwritten by domain matching. */
    public void setCompany(long id, Long companyId) {
        handle.createUpdate("update contact set company_id = :companyId, company_source = case when cast(:companyId as bigint) "
                        + "is null then null else 'person' end where id = :id")
                .bind("id", id).bind("companyId", companyId).execute();
    }

    public void setCompany(long id, Long companyId, String source) {
        handle.createUpdate("update contact set company_id = :companyId, company_source = :source where id = :id")
                .bind("id", id).bind("companyId", companyId).bind("source", source).execute();
    }

    public void setManager(long id, Long agentId, Long groupId) {
        handle.createUpdate("update contact set manager_agent_id = :agentId, manager_group_id = :groupId where id = :id")
                .bind("id", id).bind("agentId", agentId).bind("groupId", groupId).execute();
    }

    public void setNotes(long id, String notes) {
        handle.createUpdate("update contact set notes = :notes where id = :id").bind("id", id).bind("notes", notes).execute();
    }

    public void setObservers(long id, List<ObserverRow> observers) {
        handle.createUpdate("delete from contact_observer where contact_id = :id").bind("id", id).execute();
        for (ObserverRow observer : observers) {
            handle.createUpdate("insert into contact_observer (contact_id, agent_id, group_id) values (:id, :agentId, :groupId) "
                            + "on conflict do nothing")
                    .bind("id", id)
                    .bind("agentId", "agent".equals(observer.kind()) ? observer.id() : null)
                    .bind("groupId", "group".equals(observer.kind()) ? observer.id() : null)
                    .execute();
        }
    }

    /** Whether a message (a ticket's or the bot's) went through the address: its history needs the row. */
    public boolean addressUsed(long addressId) {
        return handle.createQuery("select exists (select 1 from message where address_id = :id)").bind("id", addressId)
                .mapTo(Boolean.class).one();
    }

    public void deleteAddress(long addressId) {
        handle.createUpdate("delete from contact_address where id = :id").bind("id", addressId).execute();
    }

    /**
     * Recomputes what finds the contact (its old words and its search keys) from its name and stored addresses: after
     * a rename, an address removed, a merge.
     */
    public void refreshSearch(long id) {
        handle.createUpdate("update contact set search = to_tsvector('simple', coalesce(contact.name, '') || ' ' || "
                        + "coalesce((select string_agg(a.value, ' ') from contact_address a where a.contact_id = contact.id), '')), "
                        + "search_keys = " + ContactSearchKeys.of("contact.name", "contact.id") + " where id = :id")
                .bind("id", id).execute();
    }

    /** Moves every address of {@code from} (with its bot state and last ticket) to {@code into}; returns how many. */
    public int moveAddresses(long from, long into) {
        return handle.createUpdate("update contact_address set contact_id = :into where contact_id = :from")
                .bind("from", from).bind("into", into).execute();
    }

    /**
     * Moves every ticket of {@code from} (with its ratings, which live on the ticket) to {@code into}, each with a
     * {@code customer_merged} entry in its timeline naming both contacts.
     */
    public int moveTickets(long from, long into, Map<String, ?> detail, long actor, Instant now) {
        handle.createUpdate("insert into ticket_event (ticket_id, kind, actor, actor_agent_id, detail, created_at) "
                        + "select id, 'customer_merged', 'agent', :actor, cast(:detail as jsonb), :now from ticket "
                        + "where contact_id = :from")
                .bind("from", from).bind("actor", actor).bind("detail", write(detail)).bind("now", now).execute();
        return handle.createUpdate("update ticket set contact_id = :into where contact_id = :from")
                .bind("from", from).bind("into", into).execute();
    }

    /** Moves the observers of {@code from} to {@code into}; one watching both stays once. */
    public void moveObservers(long from, long into) {
        handle.createUpdate("insert into contact_observer (contact_id, agent_id, group_id) select :into, agent_id, group_id "
                        + "from contact_observer where contact_id = :from on conflict do nothing")
                .bind("from", from).bind("into", into).execute();
        handle.createUpdate("delete from contact_observer where contact_id = :from").bind("from", from).execute();
    }

    public void markMerged(long from, long into, Instant now) {
        handle.createUpdate("update contact set merged_into_id = :into, merged_at = :now where id = :from")
                .bind("from", from).bind("into", into).bind("now", now).execute();
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("client_event.detail is not JSON", e);
        }
    }

    private static String write(Map<String, ?> detail) {
        try {
            return detail == null ? null : Json.MAPPER.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
