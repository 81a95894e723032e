package io.supporthub.hub.ticket;

import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.ticket.ViewCountQueries.BoundedCount;
import org.jdbi.v3.core.Handle;

import java.util.Map;

/** The sidebar's bounded view counts at the hub's bound ({@code INBOX_COUNT_LIMIT}), for the API and the inbox page. */
public final class ViewCounts {

    private final int bound;
    private final DueWindows dueWindows;

    public ViewCounts(int bound, DueWindows dueWindows) {
        this.bound = bound;
        this.dueWindows = dueWindows;
    }

    /** The windows the views Overdue and Due today count and list. */
    public DueWindows dueWindows() {
        return dueWindows;
    }

    /** The agent's counts; "unassigned" counts the unassigned tickets of the agent's groups. */
    public Map<String, BoundedCount> of(Handle handle, long agentId) {
        return new ViewCountQueries(handle).counts(agentId, new GroupQueries(handle).groupsOf(agentId), bound,
                dueWindows.overdue(), dueWindows.dueToday(handle));
    }
}
