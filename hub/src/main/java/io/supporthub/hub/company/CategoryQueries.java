package io.supporthub.hub.company;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** SQL on {@code client_category}, within the caller's transaction. */
public final class CategoryQueries {

    private static final String SELECT = "select id, name, position from client_category ";

    private final Handle handle;

    public CategoryQueries(Handle handle) {
        this.handle = handle;
    }

    public List<ClientCategory> all() {
        return handle.createQuery(SELECT + "order by position nulls last, lower(name), id")
                .mapTo(ClientCategory.class).list();
    }

    public Optional<ClientCategory> find(long id) {
        return handle.createQuery(SELECT + "where id = :id").bind("id", id).mapTo(ClientCategory.class).findOne();
    }

    /** Whether another category (not {@code exceptId}) has the name, compared without case. */
    public boolean nameTaken(String name, long exceptId) {
        return handle.createQuery("select exists (select 1 from client_category where lower(name) = lower(:name) "
                        + "and id <> :id)")
                .bind("name", name).bind("id", exceptId).mapTo(Boolean.class).one();
    }

    /** A new category, last in the list unless a position is given. */
    public long create(String name, Integer position) {
        return handle.createQuery("insert into client_category (name, position) values (:name, "
                        + "coalesce(:position, (select coalesce(max(position), 0) + 1 from client_category))) returning id")
                .bind("name", name).bind("position", position).mapTo(Long.class).one();
    }

    public void update(long id, String name, Integer position) {
        handle.createUpdate("update client_category set name = coalesce(:name, name), "
                        + "position = coalesce(:position, position) where id = :id")
                .bind("id", id).bind("name", name).bind("position", position).execute();
    }

    /** How many companies are in the category. */
    public long companies(long id) {
        return handle.createQuery("select count(*) from company where category_id = :id").bind("id", id)
                .mapTo(Long.class).one();
    }

    /** Deletes the category; its companies are left without one (the foreign key's {@code on delete set null}). */
    public boolean delete(long id) {
        return handle.createUpdate("delete from client_category where id = :id").bind("id", id).execute() > 0;
    }
}
