package io.supporthub.hub.ticket;

import java.util.List;

/**
 * The inbox's views: which statuses, and whether an agent's own tickets, their line's unassigned, those they watch or
 * those whose SLA due time is past or today (listed nearest due first). All but the
 * resolved view (which only grows) have a count in the sidebar.
 */
public enum TicketView {
    MINE("mine", List.of("open", "pending", "awaiting_reply"), true),
    UNASSIGNED("unassigned", List.of("open", "pending", "awaiting_reply"), true),
    WATCHING("watching", List.of("open", "pending", "awaiting_reply", "postponed"), true),
    OPEN("open", List.of("open", "awaiting_reply"), true),
    PENDING("pending", List.of("pending"), true),
    POSTPONED("postponed", List.of("postponed"), true),
    RESOLVED("resolved", List.of("resolved", "closed"), false),
    /** Due before now (see {@link DueWindows}); only a ticket whose SLA clock runs has a due time. */
    OVERDUE("overdue", List.of("open", "awaiting_reply", "pending", "postponed"), true),
    /** Due within today in the company's zone, overdue ones of today included. */
    DUE_TODAY("due_today", List.of("open", "awaiting_reply", "pending", "postponed"), true);

    private final String key;
    private final List<String> statuses;
    private final boolean counted;

    TicketView(String key, List<String> statuses, boolean counted) {
        this.key = key;
        this.statuses = statuses;
        this.counted = counted;
    }

    public String key() {
        return key;
    }

    public List<String> statuses() {
        return statuses;
    }

    public boolean counted() {
        return counted;
    }

    /** Whether the view is one of the due-time views, which keep a window of {@code sla_due_at} in its order. */
    public boolean byDue() {
        return this == OVERDUE || this == DUE_TODAY;
    }

    /** The due-time window of a due-time view; null for the others. */
    public DueWindows.Window window(org.jdbi.v3.core.Handle handle, DueWindows windows) {
        return switch (this) {
            case OVERDUE -> windows.overdue();
            case DUE_TODAY -> windows.dueToday(handle);
            default -> null;
        };
    }
}
