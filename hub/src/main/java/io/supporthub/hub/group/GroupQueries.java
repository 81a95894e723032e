package io.supporthub.hub.group;

import io.supporthub.hub.db.backfill.BackfillQueries;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/**
 * SQL on the groups ({@code agent_group}, {@code agent_group_member}, {@code agent_group_notify}) and on the tickets'
 * {@code group_id}, within the caller's transaction.
 */
public final class GroupQueries {

    /** The back-fill of ticket.group_id from ticket.line (V20261202_0800). */
    public static final String TICKET_GROUP_BACKFILL = "ticket_group";

    private static final String COLUMNS = "g.id, g.name, g.escalation_target, g.hidden, "
            + "array(select m.agent_id from agent_group_member m where m.group_id = g.id order by m.agent_id) as members, "
            + "array(select n.agent_id from agent_group_notify n where n.group_id = g.id order by n.agent_id) as notify";

    private final Handle handle;

    public GroupQueries(Handle handle) {
        this.handle = handle;
    }

    public List<Group> all() {
        return handle.createQuery("select " + COLUMNS + " from agent_group g order by g.position nulls last, g.id")
                .map(GroupQueries::group).list();
    }

    public Optional<Group> find(long id) {
        return handle.createQuery("select " + COLUMNS + " from agent_group g where g.id = :id")
                .bind("id", id).map(GroupQueries::group).findOne();
    }

    /** The escalation target, if a group is one. */
    public Optional<Group> escalationTarget() {
        return handle.createQuery("select " + COLUMNS + " from agent_group g where g.escalation_target")
                .map(GroupQueries::group).findOne();
    }

    /** The ids of the groups the agent is a member of. */
    public List<Long> groupsOf(long agentId) {
        return handle.createQuery("select group_id from agent_group_member where agent_id = :agentId order by group_id")
                .bind("agentId", agentId).mapTo(Long.class).list();
    }

    /** The names of the groups the agent is a member of, in the groups' order. */
    public List<String> namesOf(long agentId) {
        return handle.createQuery("select g.name from agent_group g join agent_group_member m on m.group_id = g.id "
                        + "where m.agent_id = :agentId order by g.position nulls last, g.id")
                .bind("agentId", agentId).mapTo(String.class).list();
    }

    /** Every agent's group names, by agent id, in the groups' order: the Employees page. */
    public java.util.Map<Long, List<String>> namesByAgent() {
        java.util.Map<Long, List<String>> names = new java.util.HashMap<>();
        handle.createQuery("select m.agent_id, g.name from agent_group g join agent_group_member m on m.group_id = g.id "
                        + "order by g.position nulls last, g.id")
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("agent_id"), rs.getString("name")))
                .forEach(entry -> names.computeIfAbsent(entry.getKey(), id -> new java.util.ArrayList<>()).add(entry.getValue()));
        return names;
    }

    /** Whether another group (not {@code exceptId}) has the name, compared without case. */
    public boolean nameTaken(String name, long exceptId) {
        return handle.createQuery("select exists (select 1 from agent_group where lower(name) = lower(:name) and id <> :id)")
                .bind("name", name).bind("id", exceptId).mapTo(Boolean.class).one();
    }

    /** A new group, last in the list. */
    public long create(String name, boolean hidden) {
        return handle.createQuery("insert into agent_group (name, hidden, position, created_at) values (:name, :hidden, "
                        + "coalesce((select max(position) from agent_group), 0) + 1, now()) returning id")
                .bind("name", name).bind("hidden", hidden).mapTo(Long.class).one();
    }

    public void rename(long id, String name) {
        handle.createUpdate("update agent_group set name = :name where id = :id").bind("id", id).bind("name", name).execute();
    }

    public void setHidden(long id, boolean hidden) {
        handle.createUpdate("update agent_group set hidden = :hidden where id = :id")
                .bind("id", id).bind("hidden", hidden).execute();
    }

    /** Makes the group the only escalation target, or takes the flag from it. */
    public void setEscalationTarget(long id, boolean target) {
        if (target) {
            handle.createUpdate("update agent_group set escalation_target = false where escalation_target and id <> :id")
                    .bind("id", id).execute();
        }
        handle.createUpdate("update agent_group set escalation_target = :target where id = :id")
                .bind("id", id).bind("target", target).execute();
    }

    public void setMembers(long id, List<Long> agentIds) {
        replace("agent_group_member", id, agentIds);
    }

    public void setNotify(long id, List<Long> agentIds) {
        replace("agent_group_notify", id, agentIds);
    }

    private void replace(String table, long id, List<Long> agentIds) {
        handle.createUpdate("delete from " + table + " where group_id = :id").bind("id", id).execute();
        handle.createUpdate("insert into " + table + " (group_id, agent_id) select :id, a.id from agent a "
                        + "where a.id = any(:agentIds) on conflict do nothing")
                .bind("id", id).bind("agentIds", agentIds.toArray(Long[]::new)).execute();
    }

    /** Which of the ids are not employees, to refuse them. */
    public List<Long> unknownAgents(List<Long> agentIds) {
        return handle.createQuery("select x from unnest(:ids) as x where not exists (select 1 from agent a where a.id = x)")
                .bind("ids", agentIds.toArray(Long[]::new)).mapTo(Long.class).list();
    }

    /**
     * How many tickets are in the group, those the back-fill has not reached yet included (they are in their line's
     * group).
     */
    public long ticketCount(long id) {
        long filled = handle.createQuery("select count(*) from ticket where group_id = :id").bind("id", id)
                .mapTo(Long.class).one();
        if (new BackfillQueries(handle).finished(TICKET_GROUP_BACKFILL)) {
            return filled;
        }
        return filled + handle.createQuery("select count(*) from ticket t where t.group_id is null and " + TICKET_GROUP
                        + " = :id").bind("id", id).mapTo(Long.class).one();
    }

    /** False when there was no such group. */
    public boolean delete(long id) {
        return handle.createUpdate("delete from agent_group where id = :id").bind("id", id).execute() > 0;
    }

    /**
     * The SQL of a ticket's group id, for the ticket aliased {@code t}: its group, or, when it has none and the
     * back-fill of groups has not reached it yet, its line's group. The back-fill's bound is an uncorrelated subquery,
     * read once per statement, and null once the back-fill is finished.
     */
    public static final String TICKET_GROUP = "(case when t.group_id is null and t.id <= (select end_id from backfill "
            + "where name = 'ticket_group' and finished_at is null) then (select (value ->> cast(t.line as text))::bigint "
            + "from setting where key = 'line_groups') else t.group_id end)";

    /** The group a ticket is in, by {@link #TICKET_GROUP}; empty when it has none. */
    public Optional<Group> ofTicket(long ticketId) {
        return handle.createQuery("select " + COLUMNS + " from agent_group g where g.id = (select " + TICKET_GROUP
                        + " from ticket t where t.id = :id)")
                .bind("id", ticketId).map(GroupQueries::group).findOne();
    }

    /** The group the ticket was escalated from, for "send back"; empty when none. */
    public Optional<Group> escalatedFrom(long ticketId) {
        return handle.createQuery("select " + COLUMNS + " from agent_group g where g.id = "
                        + "(select escalated_from_group_id from ticket where id = :id)")
                .bind("id", ticketId).map(GroupQueries::group).findOne();
    }

    /**
     * Puts the ticket, unassigned, in the group (null: none), remembering {@code escalatedFrom} for "send back"; its
     * line follows the group (2 in the escalation group).
     */
    public void moveTicket(long ticketId, Group group, Long escalatedFrom, java.time.Instant now) {
        handle.createUpdate("update ticket set group_id = :groupId, escalated_from_group_id = :from, line = :line, "
                        + "assignee_id = null, updated_at = :now where id = :id")
                .bind("id", ticketId).bind("groupId", group == null ? null : group.id()).bind("from", escalatedFrom)
                .bind("line", group == null ? 1 : group.derivedLine()).bind("now", now).execute();
    }

    private static Group group(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Group(rs.getLong("id"), rs.getString("name"), ids(rs.getArray("members")), ids(rs.getArray("notify")),
                rs.getBoolean("escalation_target"), rs.getBoolean("hidden"));
    }

    private static List<Long> ids(java.sql.Array array) throws java.sql.SQLException {
        return List.of((Long[]) array.getArray());
    }
}
