package io.supporthub.hub.clientimport;

import io.supporthub.hub.contact.ContactSearchKeys;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * The SQL of the contact import that {@code ContactQueries} has no method for: companies and categories by name, a
 * contact's name and company as an import sets them, its search columns after a change, and the client base's history.
 */
final class ImportQueries {

    private final Handle handle;

    ImportQueries(Handle handle) {
        this.handle = handle;
    }

    /** A contact as an import compares it with a line. */
    record ImportedContact(long id, String name, Long companyId, String companySource) {
    }

    Optional<ImportedContact> contact(long id) {
        return handle.createQuery("select id, name, company_id, company_source from contact where id = :id for no key update")
                .bind("id", id)
                .map((rs, ctx) -> new ImportedContact(rs.getLong("id"), rs.getString("name"),
                        (Long) rs.getObject("company_id"), rs.getString("company_source")))
                .findOne();
    }

    Optional<Long> categoryByName(String name) {
        return handle.createQuery("select id from client_category where lower(name) = lower(:name)")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne();
    }

    Optional<Long> companyByName(String name) {
        return handle.createQuery("select id from company where lower(name) = lower(:name)")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne();
    }

    /** Creates the company unless one of that name (any case) exists; returns the id either way. */
    long createCompany(String name, Long categoryId, Instant now) {
        Optional<Long> created = handle.createQuery("insert into company (name, category_id, created_at, updated_at) "
                        + "values (:name, :categoryId, :now, :now) on conflict (lower(name)) do nothing returning id")
                .bind("name", name)
                .bind("categoryId", categoryId)
                .bind("now", now)
                .mapTo(Long.class)
                .findOne();
        return created.orElseGet(() -> companyByName(name).orElseThrow());
    }

    void setName(long contactId, String name) {
        handle.createUpdate("update contact set name = :name where id = :id").bind("id", contactId).bind("name", name).execute();
    }

    /** Puts the contact in the company as a person does: domain matching never moves it again. */
    void setCompany(long contactId, long companyId) {
        handle.createUpdate("update contact set company_id = :companyId, company_source = 'person' where id = :id")
                .bind("id", contactId).bind("companyId", companyId).execute();
    }

    /** Recomputes the contact's search columns from its name and every address it has now. */
    void recomputeSearch(long contactId) {
        handle.createUpdate("update contact set search = to_tsvector('simple', coalesce(contact.name, '') || ' ' || "
                        + "coalesce((select string_agg(a.value, ' ') from contact_address a where a.contact_id = contact.id), '')), "
                        + "search_keys = " + ContactSearchKeys.of("contact.name", "contact.id") + " where id = :id")
                .bind("id", contactId)
                .execute();
    }

    void event(long contactId, Long companyId, String kind, Long actorAgentId, String detailJson, Instant now) {
        handle.createUpdate("insert into client_event (contact_id, company_id, kind, actor_agent_id, detail, created_at) "
                        + "values (:contactId, :companyId, :kind, :actor, cast(:detail as jsonb), :now)")
                .bind("contactId", contactId)
                .bind("companyId", companyId)
                .bind("kind", kind)
                .bind("actor", actorAgentId)
                .bind("detail", detailJson)
                .bind("now", now)
                .execute();
    }
}
