package io.supporthub.hub.ticket;

import io.supporthub.hub.group.TicketGroupScope;
import io.supporthub.hub.observer.ObserverQueries;
import org.jdbi.v3.core.Handle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sidebar's view counts, bounded: each count is an index scan that stops after {@code bound} tickets, so it costs
 * the same in a hub of a million tickets, and nothing is counted on the way in (no counter row for every message to
 * update). A view holding {@code bound} tickets or more reads as {@code bound - 1} and more ("999+").
 */
public final class ViewCountQueries {

    public static final int DEFAULT_BOUND = 1000;

    /** A view's count; {@code more} when it holds more tickets than {@code count}. */
    public record BoundedCount(long count, boolean more) {
        public String label() {
            return more ? count + "+" : Long.toString(count);
        }
    }

    private final Handle handle;

    public ViewCountQueries(Handle handle) {
        this.handle = handle;
    }

    /**
     * The counted views' counts for the agent, by view key, in the sidebar's order; "unassigned" is that of the agent's
     * groups ({@code groupIds}); Overdue and Due today count the tickets due in {@code overdue} and {@code dueToday}
     * (a range scan of {@code ticket_sla_due}).
     */
    public Map<String, BoundedCount> counts(long agentId, List<Long> groupIds, int bound, DueWindows.Window overdue,
                                            DueWindows.Window dueToday) {
        // Watching is counted from the observations alone (its statuses are every one not yet resolved or closed).
        List<TicketView> views = Arrays.stream(TicketView.values())
                .filter(view -> view.counted() && view != TicketView.WATCHING).toList();
        String groupScope = TicketGroupScope.condition(handle, groupIds, null);
        StringBuilder sql = new StringBuilder("select ");
        for (TicketView view : views) {
            sql.append(view == views.get(0) ? "" : ", ")
                    .append("(select count(*) from (select 1 from ticket t where t.status in (")
                    .append(view.statuses().stream().map(status -> "'" + status + "'").collect(Collectors.joining(", ")))
                    .append(") ").append(owner(view, groupScope)).append("limit :bound) counted) as ").append(view.key());
        }
        Map<String, BoundedCount> counted = handle.createQuery(sql.toString())
                .bind("bound", bound).bind("me", agentId).bind("now", overdue.before())
                .bind("todayFrom", dueToday.from()).bind("todayBefore", dueToday.before())
                .map((rs, ctx) -> {
                    Map<String, BoundedCount> counts = new LinkedHashMap<>();
                    for (TicketView view : views) {
                        long found = rs.getLong(view.key());
                        counts.put(view.key(), found >= bound ? new BoundedCount(bound - 1, true) : new BoundedCount(found, false));
                    }
                    return counts;
                }).one();
        Map<String, BoundedCount> ordered = new LinkedHashMap<>();
        for (TicketView view : TicketView.values()) {
            if (view == TicketView.WATCHING && view.counted()) {
                long found = new ObserverQueries(handle).watchingCount(agentId, bound);
                ordered.put(view.key(), found >= bound ? new BoundedCount(bound - 1, true) : new BoundedCount(found, false));
            } else if (counted.containsKey(view.key())) {
                ordered.put(view.key(), counted.get(view.key()));
            }
        }
        return ordered;
    }

    private static String owner(TicketView view, String groupScope) {
        return switch (view) {
            case MINE -> "and t.assignee_id = :me ";
            case UNASSIGNED -> "and t.assignee_id is null " + groupScope;
            case OVERDUE -> "and t.sla_due_at < :now ";
            case DUE_TODAY -> "and t.sla_due_at >= :todayFrom and t.sla_due_at < :todayBefore ";
            default -> "";
        };
    }
}
