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
     * Changes a row of a positioned list: its name and the other columns given, each only when its value is not null,
     * and with a {@code position} moves it to that place in the list (the last place when the list is shorter),
     * renumbering the list 1, 2, 3... with the other rows in their order. Empty when there is no such row.
     */
    public <T> Optional<T> update(CatalogList<T> list, long id, String name, Map<String, ?> columns, Integer position) {
        StringBuilder set = new StringBuilder("name = coalesce(:name, name)");
        columns.keySet().forEach(column -> set.append(", ").append(column).append(" = coalesce(:").append(column)
                .append(", ").append(column).append(")"));
        int changed = handle.createUpdate("update " + list.table() + " set " + set + " where id = :id")
                .bind("id", id).bind("name", name).bindMap(columns).execute();
        if (changed == 0) {
            return Optional.empty();
        }
        if (position != null) {
            handle.createUpdate("with others as (select id, row_number() over (order by " + list.order() + ") as n from "
                            + list.table() + " where id <> :id), "
                            + "placed as (select id, case when n < :position then n else n + 1 end as position from others "
                            + "union all select :id, least(:position, (select count(*) from " + list.table() + "))) "
                            + "update " + list.table() + " t set position = placed.position from placed "
                            + "where t.id = placed.id and t.position is distinct from placed.position")
                    .bind("id", id).bind("position", position).execute();
        }
        return find(list, id);
    }

    /** Whether another row of the list (not {@code exceptId}) has the name, compared without case. */
    public boolean nameTaken(CatalogList<?> list, String name, long exceptId) {
        return handle.createQuery("select exists (select 1 from " + list.table()
                        + " where lower(name) = lower(:name) and id <> :id)")
                .bind("name", name).bind("id", exceptId).mapTo(Boolean.class).one();
    }

    public <T> Optional<T> find(CatalogList<T> list, long id) {
        return handle.createQuery("select " + list.columns() + " from " + list.table() + " where id = :id")
                .bind("id", id).mapTo(list.row()).findOne();
    }

    /** The base states' own rows, in position order. */
    public List<CustomStatus> systemStatuses() {
        return handle.createQuery("select " + CatalogList.STATUSES.columns() + " from custom_status where system "
                + "order by " + CatalogList.STATUSES.order()).mapTo(CustomStatus.class).list();
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

    /** Whether a custom status (not a base state's own row) has the name, compared without case. */
    public boolean customStatusNamed(String name) {
        return handle.createQuery("select exists (select 1 from custom_status where not system and lower(name) = lower(:name))")
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
