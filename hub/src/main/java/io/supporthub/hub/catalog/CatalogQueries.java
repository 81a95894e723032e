package io.supporthub.hub.catalog;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL on the lists admins edit (ticket types, priorities, custom statuses), within the caller's transaction. The
 * statements are the same for every list, written once from its {@link CatalogList}; column names come from code,
 * never from a request.
 */
public final class CatalogQueries {

    private final Handle handle;

    public CatalogQueries(Handle handle) {
        this.handle = handle;
    }

    public <T> List<T> all(CatalogList<T> list) {
        return handle.createQuery("select " + list.columns() + " from " + list.table() + " order by " + list.order())
                .mapTo(list.row()).list();
    }

    /** Adds a row with its name and the other columns given; in a positioned list it goes last. */
    public <T> T create(CatalogList<T> list, String name, Map<String, ?> columns) {
        StringBuilder names = new StringBuilder("name");
        StringBuilder values = new StringBuilder(":name");
        columns.keySet().forEach(column -> {
            names.append(", ").append(column);
            values.append(", :").append(column);
        });
        if (list.positioned()) {
            names.append(", position");
            values.append(", coalesce((select max(position) from ").append(list.table()).append("), 0) + 1");
        }
        return handle.createQuery("insert into " + list.table() + " (" + names + ") values (" + values + ") returning "
                        + list.columns())
                .bind("name", name).bindMap(columns)
                .mapTo(list.row()).one();
    }

    /**
     * Changes a row of a positioned list: its name, the other columns given and its position, each only when its value
     * is not null. Empty when there is no such row.
     */
    public <T> Optional<T> update(CatalogList<T> list, long id, String name, Map<String, ?> columns, Integer position) {
        StringBuilder set = new StringBuilder("name = coalesce(:name, name), ");
        columns.keySet().forEach(column -> set.append(column).append(" = coalesce(:").append(column).append(", ")
                .append(column).append("), "));
        set.append("position = coalesce(:position, position)");
        return handle.createQuery("update " + list.table() + " set " + set + " where id = :id returning " + list.columns())
                .bind("id", id).bind("name", name).bindMap(columns).bind("position", position)
                .mapTo(list.row()).findOne();
    }

    /** How many tickets point at the row. */
    public long ticketsUsing(CatalogList<?> list, long id) {
        return handle.createQuery("select count(*) from ticket where " + list.ticketColumn() + " = :id")
                .bind("id", id).mapTo(Long.class).one();
    }

    /** False when there was no such row. */
    public boolean delete(CatalogList<?> list, long id) {
        return handle.createUpdate("delete from " + list.table() + " where id = :id").bind("id", id).execute() > 0;
    }

    /** Whether a custom status has the name, compared without case. */
    public boolean customStatusNamed(String name) {
        return handle.createQuery("select exists (select 1 from custom_status where lower(name) = lower(:name))")
                .bind("name", name).mapTo(Boolean.class).one();
    }

    public Optional<String> customStatusName(long id) {
        return handle.createQuery("select name from custom_status where id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    /** The names of the list's rows, in its order (for the pages' choices). */
    public List<String> names(CatalogList<?> list) {
        return handle.createQuery("select name from " + list.table() + " order by " + list.order()).mapTo(String.class).list();
    }

    /** Whether the ticket type is an internal one; false when there is no such type. */
    public boolean internalType(long id) {
        return handle.createQuery("select internal from ticket_type where id = :id")
                .bind("id", id).mapTo(Boolean.class).findOne().orElse(false);
    }
}
