package io.supporthub.hub.observer;

/** Someone watching a ticket: an employee ({@code kind} "agent") or a group ("group"), by id, with the name shown. */
public record Observer(String kind, long id, String name) {

    public static final String AGENT = "agent";
    public static final String GROUP = "group";

    public boolean isAgent() {
        return AGENT.equals(kind);
    }
}
