package io.supporthub.hub.agent;

/**
 * What the body of a change to employees may ask, beyond the route's {@link RoutePermissions} rule: roles, logins and
 * passwords are an administrator's; a senior specialist adds specialists, and manages anyone's name, line and access
 * but an administrator's access; a specialist changes only their own name and password.
 */
final class AgentChanges {

    private AgentChanges() {
    }

    static void checkCreate(Agent caller, Role role) {
        if (role != Role.SPECIALIST && !caller.rank().atLeast(Role.ADMIN)) {
            throw Forbidden.because(caller, "POST /api/agents", "only an administrator may give the role "
                    + role.wireName() + "; a senior specialist adds specialists");
        }
    }

    /** {@code role}, {@code line}, {@code active}: null when the request leaves them as they are. */
    static void checkUpdate(Agent caller, Agent current, Role role, Integer line, Boolean active, boolean password) {
        Role rank = caller.rank();
        if (rank == Role.ADMIN) {
            return;
        }
        boolean self = caller.id() == current.id();
        String what = "PATCH /api/agents/" + current.id();
        if (role != null && role != current.rank()) {
            throw Forbidden.because(caller, what, "only an administrator may change roles");
        }
        if (password && !self) {
            throw Forbidden.because(caller, what, "only an administrator may set another employee's password");
        }
        if (rank == Role.SPECIALIST && (!self || line != null && line != current.line()
                || active != null && active != current.active())) {
            throw Forbidden.because(caller, what, "a specialist may change only their own name and password");
        }
        if (active != null && active != current.active() && current.isAdmin()) {
            throw Forbidden.because(caller, what, "only an administrator may disable or enable an administrator");
        }
    }
}
