package io.supporthub.hub.calendar;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL on {@code calendar}, within the caller's transaction. */
public final class CalendarQueries {

    private static final String COLUMNS = "id, name, time_zone, is_default, hours::text as hours, "
            + "exceptions::text as exceptions";

    private final Handle handle;

    public CalendarQueries(Handle handle) {
        this.handle = handle;
    }

    public List<StoredCalendar> all() {
        return handle.createQuery("select " + COLUMNS + " from calendar order by is_default desc, lower(name), id")
                .map((rs, ctx) -> row(rs)).list();
    }

    public Optional<StoredCalendar> find(long id) {
        return handle.createQuery("select " + COLUMNS + " from calendar where id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Locks the row for a change. */
    public Optional<StoredCalendar> findForUpdate(long id) {
        return handle.createQuery("select " + COLUMNS + " from calendar where id = :id for update")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    public boolean hasDefault() {
        return handle.createQuery("select exists (select 1 from calendar where is_default)").mapTo(Boolean.class).one();
    }

    /** Whether another calendar (not {@code exceptId}) has the name, compared without case. */
    public boolean nameTaken(String name, long exceptId) {
        return handle.createQuery("select exists (select 1 from calendar where lower(name) = lower(:name) and id <> :id)")
                .bind("name", name).bind("id", exceptId).mapTo(Boolean.class).one();
    }

    public long create(ServiceCalendar calendar, boolean isDefault) {
        return create(calendar, Map.of(), isDefault);
    }

    public long create(ServiceCalendar calendar, Map<LocalDate, DayMark> marks, boolean isDefault) {
        return handle.createQuery("insert into calendar (name, time_zone, is_default, hours, exceptions) values "
                        + "(:name, :zone, :isDefault, cast(:hours as jsonb), cast(:exceptions as jsonb)) returning id")
                .bind("name", calendar.name()).bind("zone", calendar.zone().getId()).bind("isDefault", isDefault)
                .bind("hours", CalendarJson.hoursJson(calendar)).bind("exceptions", CalendarJson.exceptionsJson(calendar, marks))
                .mapTo(Long.class).one();
    }

    public void update(long id, ServiceCalendar calendar) {
        update(id, calendar, Map.of());
    }

    public void update(long id, ServiceCalendar calendar, Map<LocalDate, DayMark> marks) {
        handle.createUpdate("update calendar set name = :name, time_zone = :zone, hours = cast(:hours as jsonb), "
                        + "exceptions = cast(:exceptions as jsonb), updated_at = now() where id = :id")
                .bind("id", id).bind("name", calendar.name()).bind("zone", calendar.zone().getId())
                .bind("hours", CalendarJson.hoursJson(calendar)).bind("exceptions", CalendarJson.exceptionsJson(calendar, marks))
                .execute();
    }

    /** Makes {@code id} the one default calendar. */
    public void makeDefault(long id) {
        handle.createUpdate("update calendar set is_default = false, updated_at = now() where is_default and id <> :id")
                .bind("id", id).execute();
        handle.createUpdate("update calendar set is_default = true, updated_at = now() where id = :id and not is_default")
                .bind("id", id).execute();
    }

    /**
     * What counts on the calendar, for the refusal to delete it: the SLA rules by name, and "the SLA defaults". Read
     * in SQL so that the calendar package does not depend on the sla package that depends on it.
     */
    public List<String> usersOf(long id) {
        List<String> users = new java.util.ArrayList<>();
        handle.createQuery("select name from sla_rule where calendar_id = :id order by position, id")
                .bind("id", id).mapTo(String.class).forEach(name -> users.add("the SLA rule '" + name + "'"));
        if (handle.createQuery("select exists (select 1 from sla_defaults where calendar_id = :id)")
                .bind("id", id).mapTo(Boolean.class).one()) {
            users.add("the SLA defaults");
        }
        return users;
    }

    public void delete(long id) {
        handle.createUpdate("delete from calendar where id = :id").bind("id", id).execute();
    }

    private static StoredCalendar row(ResultSet rs) throws SQLException {
        return ParsedCalendars.of(rs.getLong("id"), rs.getBoolean("is_default"), rs.getString("name"),
                rs.getString("time_zone"), rs.getString("hours"), rs.getString("exceptions"));
    }
}
