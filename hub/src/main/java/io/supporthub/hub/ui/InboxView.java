package io.supporthub.hub.ui;

import io.supporthub.hub.ticket.TicketView;

/** The inbox's views as the sidebar names them; what each holds is its {@link TicketView}. */
public enum InboxView {
    MINE(TicketView.MINE, "My tickets"),
    UNASSIGNED(TicketView.UNASSIGNED, "Unassigned"),
    WATCHING(TicketView.WATCHING, "Watching"),
    OPEN(TicketView.OPEN, "All open"),
    PENDING(TicketView.PENDING, "Pending"),
    POSTPONED(TicketView.POSTPONED, "Postponed"),
    RESOLVED(TicketView.RESOLVED, "Resolved"),
    OVERDUE(TicketView.OVERDUE, "Overdue"),
    DUE_TODAY(TicketView.DUE_TODAY, "Due today");

    private final TicketView view;
    private final String label;

    InboxView(TicketView view, String label) {
        this.view = view;
        this.label = label;
    }

    public String key() {
        return view.key();
    }

    public String label() {
        return label;
    }

    TicketView ticketView() {
        return view;
    }

    static InboxView of(String key) {
        for (InboxView view : values()) {
            if (view.key().equals(key)) {
                return view;
            }
        }
        return OPEN;
    }
}
