package io.supporthub.hub.ui;

import java.util.List;

/** The inbox's saved views: which statuses, and whether mine or my line's unassigned. */
public enum InboxView {
    MINE("mine", "My tickets", List.of("open", "pending", "awaiting_reply")),
    UNASSIGNED("unassigned", "Unassigned", List.of("open", "pending", "awaiting_reply")),
    OPEN("open", "All open", List.of("open", "awaiting_reply")),
    PENDING("pending", "Pending", List.of("pending")),
    POSTPONED("postponed", "Postponed", List.of("postponed")),
    RESOLVED("resolved", "Resolved", List.of("resolved", "closed"));

    final String key;
    final String label;
    final List<String> statuses;

    InboxView(String key, String label, List<String> statuses) {
        this.key = key;
        this.label = label;
        this.statuses = statuses;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    static InboxView of(String key) {
        for (InboxView view : values()) {
            if (view.key.equals(key)) {
                return view;
            }
        }
        return OPEN;
    }
}
