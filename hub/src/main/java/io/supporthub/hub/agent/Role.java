package io.supporthub.hub.agent;

import io.supporthub.hub.error.Refusal;

import java.util.Locale;

/**
 * What an employee may do, from least to most: a specialist works the tickets; a senior specialist also manages the
 * team's lists (canned replies, catalog, groups, kept-aside) and its specialists; an administrator does everything.
 * {@link RoutePermissions} says which role each route needs.
 */
public enum Role {
    SPECIALIST("specialist", "Specialist"),
    SENIOR("senior", "Senior specialist"),
    ADMIN("admin", "Administrator");

    /** The role's name before senior specialists existed, still accepted on input. */
    private static final String OLD_NAME = "agent";

    private final String wireName;
    private final String label;

    Role(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The name in the API and the database. */
    public String wireName() {
        return wireName;
    }

    /** The name people read. */
    public String label() {
        return label;
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** A role as a caller writes it: its name in any case, or {@code agent} for a specialist. */
    public static Role fromInput(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(OLD_NAME)) {
            return SPECIALIST;
        }
        for (Role role : values()) {
            if (role.wireName.equals(wanted)) {
                return role;
            }
        }
        throw Refusal.invalid("'role' must be admin, senior or specialist (agent is taken as specialist)");
    }

    /** A role as the database stores it. */
    public static Role stored(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return role;
            }
        }
        throw new IllegalStateException("unknown role in the database: " + name);
    }
}
