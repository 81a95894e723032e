package io.supporthub.hub.sla;

import io.supporthub.hub.sla.SlaRuleMatcher.Candidate;
import io.supporthub.hub.sla.SlaRuleMatcher.ResolvedDefaults;
import org.jdbi.v3.core.Handle;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL on {@code sla_rule} and {@code sla_defaults}, within the caller's transaction. */
public final class SlaRuleQueries {

    private static final String COLUMNS = "r.id, r.name, r.position, r.enabled, r.type_ids, r.priority_ids, r.category_ids, "
            + "r.company_ids, r.channels, r.weekdays, r.time_from, r.time_to, r.calendar_id, r.response_seconds, "
            + "r.resolution_seconds";

    /**
     * What the choice reads on every ticket registration, in one statement: the enabled rules in order with their
     * calendar's (or the default calendar's) id and zone, then one row for the defaults.
     */
    private static final String SELECTION = "with d as (select id, time_zone from calendar where is_default) "
            + "select false as defaults_row, " + COLUMNS + ", coalesce(c.id, d.id) as use_calendar_id, "
            + "coalesce(c.time_zone, d.time_zone) as use_zone "
            + "from sla_rule r left join calendar c on c.id = r.calendar_id left join d on true where r.enabled "
            + "union all "
            + "select true, null, null, null, null, null, null, null, null, null, null, null, null, s.calendar_id, "
            + "s.response_seconds, s.resolution_seconds, coalesce(c.id, d.id), null "
            + "from (select calendar_id, response_seconds, resolution_seconds from sla_defaults "
            + "      union all select null, null, null where not exists (select 1 from sla_defaults)) s "
            + "left join calendar c on c.id = s.calendar_id left join d on true "
            + "order by defaults_row, position";

    private final Handle handle;

    public SlaRuleQueries(Handle handle) {
        this.handle = handle;
    }

    /** The enabled rules, in order, and the defaults, each with the calendar it counts on. */
    public Selection selection() {
        List<Candidate> rules = new ArrayList<>();
        ResolvedDefaults[] defaults = new ResolvedDefaults[1];
        handle.createQuery(SELECTION).map((rs, ctx) -> {
            Long calendarId = nullableLong(rs, "use_calendar_id");
            if (rs.getBoolean("defaults_row")) {
                defaults[0] = new ResolvedDefaults(new SlaDefaults(nullableLong(rs, "calendar_id"),
                        nullableInt(rs, "response_seconds"), nullableInt(rs, "resolution_seconds")), calendarId);
            } else {
                String zone = rs.getString("use_zone");
                rules.add(new Candidate(row(rs), calendarId, zone == null ? null : ZoneId.of(zone)));
            }
            return Boolean.TRUE;
        }).list();
        return new Selection(rules, defaults[0]);
    }

    public record Selection(List<Candidate> rules, ResolvedDefaults defaults) {
    }

    public List<SlaRule> all() {
        return handle.createQuery("select " + COLUMNS + " from sla_rule r order by r.position, r.id")
                .map((rs, ctx) -> row(rs)).list();
    }

    public Optional<SlaRule> find(long id) {
        return handle.createQuery("select " + COLUMNS + " from sla_rule r where r.id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Serialises changes to the list (positions and the "no conditions only last" rule span rows). */
    public void lockList() {
        handle.createQuery("select pg_advisory_xact_lock(hashtext('sla_rule'))::text").mapTo(String.class).one();
    }

    public long create(SlaRule rule) {
        return bind(handle.createQuery("insert into sla_rule (name, position, enabled, type_ids, priority_ids, category_ids, "
                + "company_ids, channels, weekdays, time_from, time_to, calendar_id, response_seconds, resolution_seconds) "
                + "values (:name, :position, :enabled, :typeIds, :priorityIds, :categoryIds, :companyIds, :channels, "
                + ":weekdays, :timeFrom, :timeTo, :calendarId, :response, :resolution) returning id"), rule)
                .mapTo(Long.class).one();
    }

    public void update(SlaRule rule) {
        bind(handle.createUpdate("update sla_rule set name = :name, position = :position, enabled = :enabled, "
                + "type_ids = :typeIds, priority_ids = :priorityIds, category_ids = :categoryIds, company_ids = :companyIds, "
                + "channels = :channels, weekdays = :weekdays, time_from = :timeFrom, time_to = :timeTo, "
                + "calendar_id = :calendarId, response_seconds = :response, resolution_seconds = :resolution, "
                + "updated_at = now() where id = :id").bind("id", rule.id()), rule).execute();
    }

    public void setPosition(long id, int position) {
        handle.createUpdate("update sla_rule set position = :position, updated_at = now() where id = :id and position <> :position")
                .bind("id", id).bind("position", position).execute();
    }

    public void delete(long id) {
        handle.createUpdate("delete from sla_rule where id = :id").bind("id", id).execute();
    }

    public SlaDefaults defaults() {
        return handle.createQuery("select calendar_id, response_seconds, resolution_seconds from sla_defaults")
                .map((rs, ctx) -> new SlaDefaults(nullableLong(rs, "calendar_id"), nullableInt(rs, "response_seconds"),
                        nullableInt(rs, "resolution_seconds")))
                .findOne().orElse(SlaDefaults.NONE);
    }

    public void writeDefaults(SlaDefaults defaults) {
        handle.createUpdate("insert into sla_defaults (calendar_id, response_seconds, resolution_seconds) "
                        + "values (:calendarId, :response, :resolution) on conflict (only_row) do update set "
                        + "calendar_id = excluded.calendar_id, response_seconds = excluded.response_seconds, "
                        + "resolution_seconds = excluded.resolution_seconds, updated_at = now()")
                .bind("calendarId", defaults.calendarId()).bind("response", defaults.responseSeconds())
                .bind("resolution", defaults.resolutionSeconds()).execute();
    }

    /** Which of {@code ids} exist in {@code table} (a fixed name, never input). */
    public Set<Long> existing(String table, Set<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(handle.createQuery("select id from " + table + " where id = any(:ids)")
                .bind("ids", ids.toArray(new Long[0])).mapTo(Long.class).list());
    }

    /** Id and name of every row of {@code table} (a fixed name, never input), for the rule editor's choices. */
    public List<java.util.Map<String, Object>> named(String table, String order) {
        return handle.createQuery("select id, name from " + table + " order by " + order)
                .map((rs, ctx) -> java.util.Map.<String, Object>of("id", rs.getLong("id"), "name", rs.getString("name")))
                .list();
    }

    /** Locks the calendar against deletion until the transaction ends; false when it does not exist. */
    public boolean shareCalendar(long id) {
        return handle.createQuery("select id from calendar where id = :id for share").bind("id", id)
                .mapTo(Long.class).findOne().isPresent();
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, SlaRule rule) {
        SlaConditions c = rule.conditions();
        return statement.bind("name", rule.name()).bind("position", rule.position()).bind("enabled", rule.enabled())
                .bind("typeIds", c.typeIds().stream().sorted().toArray(Long[]::new))
                .bind("priorityIds", c.priorityIds().stream().sorted().toArray(Long[]::new))
                .bind("categoryIds", c.categoryIds().stream().sorted().toArray(Long[]::new))
                .bind("companyIds", c.companyIds().stream().sorted().toArray(Long[]::new))
                .bind("channels", c.channels().stream().sorted().toArray(String[]::new))
                .bind("weekdays", c.weekdays().stream().sorted().map(d -> (short) d.getValue()).toArray(Short[]::new))
                .bind("timeFrom", c.fromSecond()).bind("timeTo", c.toSecond()).bind("calendarId", rule.calendarId())
                .bind("response", rule.responseSeconds()).bind("resolution", rule.resolutionSeconds());
    }

    private static SlaRule row(ResultSet rs) throws SQLException {
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (Object day : elements(rs.getArray("weekdays"))) {
            weekdays.add(DayOfWeek.of(((Number) day).intValue()));
        }
        SlaConditions conditions = new SlaConditions(longs(rs.getArray("type_ids")), longs(rs.getArray("priority_ids")),
                longs(rs.getArray("category_ids")), longs(rs.getArray("company_ids")), strings(rs.getArray("channels")),
                weekdays, nullableInt(rs, "time_from"), nullableInt(rs, "time_to"));
        return new SlaRule(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("enabled"),
                conditions, nullableLong(rs, "calendar_id"), nullableInt(rs, "response_seconds"),
                nullableInt(rs, "resolution_seconds"));
    }

    private static List<Object> elements(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Object[]) array.getArray());
    }

    private static Set<Long> longs(Array array) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        for (Object id : elements(array)) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    private static Set<String> strings(Array array) throws SQLException {
        Set<String> values = new LinkedHashSet<>();
        for (Object value : elements(array)) {
            values.add((String) value);
        }
        return values;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
