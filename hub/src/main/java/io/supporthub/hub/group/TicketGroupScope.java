package io.supporthub.hub.group;

import org.jdbi.v3.core.Handle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL condition of a ticket list's group filters on {@code ticket t}: {@code group=<id>|mine}, the Unassigned
 * view's groups and {@code line=}. A line is a set of groups (line 2: the escalation target; line 1: every other
 * group), read from the groups as they are now, so moving the escalation flag moves the lines with it. Ids are
 * written as literals so that each status's index scan knows its groups ({@code ticket_group_inbox}).
 *
 * <p>While the back-fill of {@code ticket.group_id} (V20261202_0800) is still running, a ticket it has not reached is
 * in its line's group (see {@link GroupQueries#TICKET_GROUP}), and the condition takes those too; once the back-fill
 * is finished the condition is the plain, index-ordered one.
 */
public final class TicketGroupScope {

    private TicketGroupScope() {
    }

    /** Up to this many groups a list reads one index scan per group (see {@link #branches}). */
    static final int GROUPS_APART = 8;

    /** The condition, starting with {@code and}, or empty when neither groups nor a line are asked for. */
    public static String condition(Handle handle, List<Long> groupIds, Integer line) {
        if (groupIds == null && line == null) {
            return "";
        }
        Set<Long> ids = groupsOf(handle, groupIds, line);
        if (ids.isEmpty()) {
            return "and false ";
        }
        String inGroups = "t.group_id in (" + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        Set<Integer> unfilledLines = unfilledLinesOf(handle, ids);
        if (unfilledLines.isEmpty()) {
            return "and " + inGroups + " ";
        }
        return "and (" + inGroups + " or (t.group_id is null and t.line in ("
                + unfilledLines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "))) ";
    }

    /**
     * The same condition split into one per group, for a list that unions an index scan per branch: an index scan of
     * {@code ticket_group_inbox} (or its unassigned twin) on one group and one status reads in list order and stops
     * after a page, while one on {@code group_id in (1, 2)} reads every entry of both groups to sort them (14,000
     * entries for the two lines' unassigned at a million tickets). More than {@link #GROUPS_APART} groups, or a
     * back-fill still running, give the one condition.
     */
    public static List<String> branches(Handle handle, List<Long> groupIds, Integer line) {
        if (groupIds == null && line == null) {
            return List.of("");
        }
        Set<Long> ids = groupsOf(handle, groupIds, line);
        if (ids.size() < 2 || ids.size() > GROUPS_APART || !unfilledLinesOf(handle, ids).isEmpty()) {
            return List.of(condition(handle, groupIds, line));
        }
        return ids.stream().map(id -> "and t.group_id = " + id + " ").toList();
    }

    private static Set<Long> groupsOf(Handle handle, List<Long> groupIds, Integer line) {
        Set<Long> ids = new LinkedHashSet<>(groupIds == null ? lineGroups(handle, line) : groupIds);
        if (groupIds != null && line != null) {
            ids.retainAll(lineGroups(handle, line));
        }
        return ids;
    }

    private static List<Long> lineGroups(Handle handle, int line) {
        return handle.createQuery("select id from agent_group where escalation_target = :second order by id")
                .bind("second", line == 2).mapTo(Long.class).list();
    }

    /**
     * The lines whose group (by the setting line_groups the migration wrote) is among the ids, when the back-fill has
     * not finished; empty once it has, or when none is.
     */
    private static Set<Integer> unfilledLinesOf(Handle handle, Set<Long> ids) {
        Map<Integer, Long> lineGroup = handle.createQuery("select l.key::int as line, l.value::bigint as group_id "
                        + "from backfill b, setting s, jsonb_each_text(s.value) l "
                        + "where b.name = :backfill and b.finished_at is null and s.key = 'line_groups'")
                .bind("backfill", GroupQueries.TICKET_GROUP_BACKFILL)
                .map((rs, ctx) -> Map.entry(rs.getInt("line"), rs.getLong("group_id")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return lineGroup.entrySet().stream().filter(entry -> ids.contains(entry.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
