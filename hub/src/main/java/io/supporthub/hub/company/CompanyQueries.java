package io.supporthub.hub.company;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.supporthub.hub.observer.Observer;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL on companies, their domains, observers and supervised companies, and their history, in the caller's transaction. */
public final class CompanyQueries {

    private static final TypeReference<List<Observer>> OBSERVERS = new TypeReference<>() { };

    private static final String SELECT = "select c.id, c.name, c.category_id, "
            + "(select name from client_category where id = c.category_id) as category_name, "
            + "c.manager_agent_id, c.manager_group_id, "
            + "coalesce((select name from agent where id = c.manager_agent_id), "
            + "(select name from agent_group where id = c.manager_group_id)) as manager_name, "
            + "c.emails, c.phones, c.notes, "
            + "array(select d.domain from company_domain d where d.company_id = c.id order by d.domain) as domains, "
            + "array(select s.supervised_company_id from company_supervision s where s.company_id = c.id "
            + "order by s.supervised_company_id) as supervises, "
            + "coalesce((select json_agg(json_build_object('kind', case when o.agent_id is not null then 'agent' else 'group' end, "
            + "'id', coalesce(o.agent_id, o.group_id), 'name', coalesce((select name from agent where id = o.agent_id), "
            + "(select name from agent_group where id = o.group_id))) order by o.agent_id is null, o.id) "
            + "from company_observer o where o.company_id = c.id), '[]')::text as observers, "
            + "(select count(*) from contact k where k.company_id = c.id and k.merged_into_id is null) as contact_count "
            + "from company c ";

    private final Handle handle;

    public CompanyQueries(Handle handle) {
        this.handle = handle;
    }

    Handle handle() {
        return handle;
    }

    public Optional<Company> find(long id) {
        return handle.createQuery(SELECT + "where c.id = :id").bind("id", id).map((rs, ctx) -> company(rs)).findOne();
    }

    /**
     * A page of companies in name order, after the company {@code afterId} (the previous page's last), whose name
     * contains {@code q} or one of whose domains starts with it; one row more than {@code limit} when a page follows.
     */
    public List<Company> page(String q, Long categoryId, Long afterId, int limit) {
        StringBuilder where = new StringBuilder("where true ");
        if (q != null) {
            where.append("and (lower(c.name) like :contains escape '!' or exists (select 1 from company_domain d "
                    + "where d.company_id = c.id and d.domain like :prefix escape '!')) ");
        }
        if (categoryId != null) {
            where.append("and c.category_id = :categoryId ");
        }
        if (afterId != null) {
            where.append("and (lower(c.name), c.id) > (select lower(name), id from company where id = :afterId) ");
        }
        String pattern = q == null ? null : q.toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return handle.createQuery(SELECT + where + "order by lower(c.name), c.id limit :limit")
                .bind("contains", pattern == null ? null : "%" + pattern + "%")
                .bind("prefix", pattern == null ? null : pattern + "%")
                .bind("categoryId", categoryId).bind("afterId", afterId).bind("limit", limit + 1)
                .map((rs, ctx) -> company(rs)).list();
    }

    /** Every company's id and name in name order (the pickers of the ticket page and the card). */
    public List<Map<String, Object>> names() {
        return handle.createQuery("select id, name from company order by lower(name), id")
                .map((rs, ctx) -> Map.<String, Object>of("id", rs.getLong("id"), "name", rs.getString("name"))).list();
    }

    /** Whether another company (not {@code exceptId}) has the name, compared without case. */
    public boolean nameTaken(String name, long exceptId) {
        return handle.createQuery("select exists (select 1 from company where lower(name) = lower(:name) and id <> :id)")
                .bind("name", name).bind("id", exceptId).mapTo(Boolean.class).one();
    }

    /** The company a domain belongs to, other than {@code exceptId}. */
    public Optional<Long> domainOwner(String domain, long exceptId) {
        return handle.createQuery("select company_id from company_domain where domain = :domain and company_id <> :id")
                .bind("domain", domain).bind("id", exceptId).mapTo(Long.class).findOne();
    }

    public long create(String name, Instant now) {
        return handle.createQuery("insert into company (name, created_at, updated_at) values (:name, :now, :now) returning id")
                .bind("name", name).bind("now", now).mapTo(Long.class).one();
    }

    public void setName(long id, String name) {
        set(id, "name = :value", name);
    }

    public void setCategory(long id, Long categoryId) {
        set(id, "category_id = :value", categoryId);
    }

    public void setNotes(long id, String notes) {
        set(id, "notes = :value", notes);
    }

    public void setManager(long id, Long agentId, Long groupId) {
        handle.createUpdate("update company set manager_agent_id = :agentId, manager_group_id = :groupId where id = :id")
                .bind("id", id).bind("agentId", agentId).bind("groupId", groupId).execute();
    }

    public void setEmails(long id, List<String> emails) {
        handle.createUpdate("update company set emails = :value where id = :id")
                .bind("id", id).bindArray("value", String.class, emails).execute();
    }

    public void setPhones(long id, List<String> phones) {
        handle.createUpdate("update company set phones = :value where id = :id")
                .bind("id", id).bindArray("value", String.class, phones).execute();
    }

    public void touch(long id, Instant now) {
        handle.createUpdate("update company set updated_at = :now where id = :id").bind("id", id).bind("now", now).execute();
    }

    private void set(long id, String assignment, Object value) {
        handle.createUpdate("update company set " + assignment + " where id = :id").bind("id", id).bind("value", value)
                .execute();
    }

    public void setDomains(long id, List<String> domains) {
        handle.createUpdate("delete from company_domain where company_id = :id").bind("id", id).execute();
        handle.createUpdate("insert into company_domain (domain, company_id) select d, :id from unnest(:domains) d")
                .bind("id", id).bindArray("domains", String.class, domains).execute();
    }

    public void setObservers(long id, List<Long> agentIds, List<Long> groupIds) {
        handle.createUpdate("delete from company_observer where company_id = :id").bind("id", id).execute();
        handle.createUpdate("insert into company_observer (company_id, agent_id) select :id, a from unnest(:agents) a")
                .bind("id", id).bindArray("agents", Long.class, agentIds).execute();
        handle.createUpdate("insert into company_observer (company_id, group_id) select :id, g from unnest(:groups) g")
                .bind("id", id).bindArray("groups", Long.class, groupIds).execute();
    }

    public void setSupervised(long id, List<Long> companyIds) {
        handle.createUpdate("delete from company_supervision where company_id = :id").bind("id", id).execute();
        handle.createUpdate("insert into company_supervision (company_id, supervised_company_id) "
                        + "select :id, s from unnest(:ids) s")
                .bind("id", id).bindArray("ids", Long.class, companyIds).execute();
    }

    /** Of the ids, those that are no company. */
    public List<Long> unknown(List<Long> companyIds) {
        return missing("company", companyIds);
    }

    /** Of the ids, those that are no employee or a disabled one. */
    public List<Long> unknownOrInactiveAgents(List<Long> agentIds) {
        return handle.createQuery("select x from unnest(:ids) as x where not exists "
                        + "(select 1 from agent a where a.id = x and a.active)")
                .bindArray("ids", Long.class, agentIds).mapTo(Long.class).list();
    }

    public List<Long> unknownGroups(List<Long> groupIds) {
        return missing("agent_group", groupIds);
    }

    private List<Long> missing(String table, List<Long> ids) {
        return handle.createQuery("select x from unnest(:ids) as x where not exists (select 1 from " + table
                        + " t where t.id = x)")
                .bindArray("ids", Long.class, ids).mapTo(Long.class).list();
    }

    /** A line of the company's history ({@code client_event}); {@code detail} is JSON or null. */
    public void addEvent(long companyId, String kind, Long actorAgentId, String detail, Instant now) {
        handle.createUpdate("insert into client_event (company_id, kind, actor_agent_id, detail, created_at) "
                        + "values (:companyId, :kind, :actor, cast(:detail as jsonb), :now)")
                .bind("companyId", companyId).bind("kind", kind).bind("actor", actorAgentId).bind("detail", detail)
                .bind("now", now).execute();
    }

    /** A line of a company's history as its card shows it. */
    public record HistoryEntry(long id, String kind, String actorName, String detail, Instant createdAt) {
    }

    /** The company's history, newest first, at most {@code limit} lines. */
    public List<HistoryEntry> history(long companyId, int limit) {
        return handle.createQuery("select e.id, e.kind, (select name from agent where id = e.actor_agent_id) as actor_name, "
                        + "e.detail::text as detail, e.created_at from client_event e where e.company_id = :id "
                        + "order by e.id desc limit :limit")
                .bind("id", companyId).bind("limit", limit).mapTo(HistoryEntry.class).list();
    }

    /** A contact of the company as its card lists it. */
    public record ContactRow(long id, String name, String email, String phone) {
    }

    /** The company's contacts by id (the index {@code contact_company}), at most {@code limit}. */
    public List<ContactRow> contacts(long companyId, int limit) {
        return handle.createQuery("select k.id, k.name, "
                        + "(select a.value from contact_address a where a.contact_id = k.id and a.kind = 'email' order by a.id limit 1) as email, "
                        + "(select a.value from contact_address a where a.contact_id = k.id and a.kind = 'phone' order by a.id limit 1) as phone "
                        + "from contact k where k.company_id = :id and k.merged_into_id is null order by k.id limit :limit")
                .bind("id", companyId).bind("limit", limit).mapTo(ContactRow.class).list();
    }

    /** The company's first email (or phone, {@code phone} true), for a notification to a contact without one. */
    public Optional<String> firstAddress(long companyId, boolean phone) {
        return handle.createQuery("select (" + (phone ? "phones" : "emails") + ")[1] from company where id = :id")
                .bind("id", companyId).mapTo(String.class).findOne().filter(value -> !value.isBlank());
    }

    private static Company company(ResultSet rs) throws SQLException {
        long categoryId = rs.getLong("category_id");
        Long category = rs.wasNull() ? null : categoryId;
        long agentId = rs.getLong("manager_agent_id");
        Long managerAgent = rs.wasNull() ? null : agentId;
        long groupId = rs.getLong("manager_group_id");
        Long managerGroup = rs.wasNull() ? null : groupId;
        Company.Manager manager = managerAgent == null && managerGroup == null ? null
                : new Company.Manager(managerAgent, managerGroup, rs.getString("manager_name"));
        List<Observer> observers;
        try {
            observers = Json.MAPPER.readValue(rs.getString("observers"), OBSERVERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable observers of company " + rs.getLong("id"), e);
        }
        return new Company(rs.getLong("id"), rs.getString("name"), texts(rs, "domains"), category,
                category == null ? null : new Company.CategoryRef(category, rs.getString("category_name")), manager,
                observers, texts(rs, "emails"), texts(rs, "phones"), rs.getString("notes"),
                List.of((Long[]) rs.getArray("supervises").getArray()), rs.getLong("contact_count"));
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        return List.of((String[]) rs.getArray(column).getArray());
    }
}
