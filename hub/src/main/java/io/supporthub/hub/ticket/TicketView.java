package io.supporthub.hub.ticket;

import java.util.List;

/**
 * The inbox's views: which statuses, and whether an agent's own tickets, their line's unassigned or those they watch. All but the
 * resolved view (which only grows) have a count in the sidebar.
 */
public enum TicketView {
    MINE("mine", List.of("open", "pending", "awaiting_reply"), true),
    UNASSIGNED("unassigned", List.of("open", "pending", "awaiting_reply"), true),
    WATCHING("watching", List.of("open", "pending", "awaiting_reply", "postponed"), true),
    OPEN("open", List.of("open", "awaiting_reply"), true),
    PENDING("pending", List.of("pending"), true),
    POSTPONED("postponed", List.of("postponed"), true),
    RESOLVED("resolved", List.of("resolved", "closed"), false);

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
}
