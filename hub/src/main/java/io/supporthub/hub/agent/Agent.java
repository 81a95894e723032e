package io.supporthub.hub.agent;

/** A person who answers customers. Admins also manage agents, lists and canned replies. */
public record Agent(long id, String email, String name, String role, int line, boolean active) {

    public boolean isAdmin() {
        return "admin".equals(role);
    }
}
