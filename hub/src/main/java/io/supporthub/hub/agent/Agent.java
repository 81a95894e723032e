package io.supporthub.hub.agent;

/** An employee who answers customers; what else they may do follows from their {@link Role}. */
public record Agent(long id, String email, String name, String role, int line, boolean active) {

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    /** The role as a value (the record keeps the stored name, which the API shows). */
    public Role rank() {
        return Role.stored(role);
    }
}
