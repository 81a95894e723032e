package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.HasOpenTickets;
import io.supporthub.hub.error.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Creating and managing agents, and the first administrator of a new hub. */
public final class AgentService {

    private static final Logger log = LoggerFactory.getLogger(AgentService.class);

    /** The first administrator's email when {@code ADMIN_EMAIL} is not set. */
    public static final String DEFAULT_ADMIN_EMAIL = "admin@localhost";

    private final Transactions transactions;
    private final Handover handover;

    public AgentService(Transactions transactions, Handover handover) {
        this.transactions = transactions;
        this.handover = handover;
    }

    /**
     * Creates the first administrator when no agent exists. Returns the generated password when one was generated,
     * so it can be printed once.
     */
    public Optional<String> ensureFirstAdmin(String email, String password) {
        return transactions.inTransaction((handle, afterCommit) -> {
            AgentQueries agents = new AgentQueries(handle);
            agents.lockTable();
            if (agents.count() > 0) {
                if (password != null || !DEFAULT_ADMIN_EMAIL.equalsIgnoreCase(email)) {
                    log.warn("ADMIN_EMAIL/ADMIN_PASSWORD ignored: the database has agents already, and they only create "
                            + "the first administrator; change passwords in the hub (profile page, or an admin's reset)");
                }
                return Optional.empty();
            }
            String actual = password == null ? Passwords.randomToken(12) : password;
            agents.create(email, "Administrator", Passwords.hash(actual), "admin", 1);
            log.info("Created the first administrator {}", email);
            return password == null ? Optional.of(actual) : Optional.empty();
        });
    }

    public List<Agent> all() {
        return transactions.read(handle -> new AgentQueries(handle).all());
    }

    /** A new employee; {@code role} as the API takes it ({@code agent} is a specialist). */
    public Agent create(String email, String name, String password, String role, int line) {
        return create(email, name, password, Role.fromInput(role), line);
    }

    /** A new employee added by {@code caller}, whose role must allow giving {@code role}. */
    public Agent create(Agent caller, String email, String name, String password, String role, int line) {
        return create(caller, email, name, password, role, line, null);
    }

    /**
     * A new employee added by {@code caller}, whose role must allow giving {@code role}, in {@code groupIds} when given
     * (else in their line's group); their line is then 2 when one of them is the escalation target.
     */
    public Agent create(Agent caller, String email, String name, String password, String role, int line,
                        List<Long> groupIds) {
        Role wanted = Role.fromInput(role);
        AgentChanges.checkCreate(caller, wanted);
        return create(email, name, password, wanted, line, groupIds);
    }

    private Agent create(String email, String name, String password, Role role, int line) {
        return create(email, name, password, role, line, null);
    }

    private Agent create(String email, String name, String password, Role role, int line, List<Long> groupIds) {
        validate(email, name, line);
        PasswordPolicy.check(password, email);
        return transactions.inTransaction((handle, afterCommit) -> {
            AgentQueries agents = new AgentQueries(handle);
            if (agents.findByEmail(email).isPresent()) {
                throw Refusal.conflict("an agent with the email " + email + " exists already");
            }
            if (groupIds == null) {
                return agents.create(email, name, Passwords.hash(password), role.wireName(), line);
            }
            List<Long> unknown = agents.unknownGroups(groupIds);
            if (!unknown.isEmpty()) {
                throw Refusal.unprocessable("no group " + unknown.get(0));
            }
            Agent created = agents.create(email, name, Passwords.hash(password), role.wireName(),
                    agents.inEscalationGroup(groupIds) ? 2 : 1);
            agents.setGroups(created.id(), groupIds);
            return agents.find(created.id()).orElseThrow();
        });
    }

    /** Changes name, role, line, whether the agent may log in, and optionally the password (a system change). */
    public Agent update(long id, String name, String role, Integer line, Boolean active, String password) {
        return update(null, id, name, role, line, active, password, null);
    }

    /**
     * Changes name, role ({@code agent} is a specialist), line, whether the agent may log in, and optionally the
     * password, as {@code caller} may ({@link AgentChanges}); a null caller is the system. Disabling someone responsible
     * for tickets that are not closed needs {@code handoverTo} (where they go, moved in the same transaction, so a
     * leaver is cut off at once) or is refused with the count.
     */
    public Agent update(Agent caller, long id, String name, String role, Integer line, Boolean active, String password,
                        HandoverTarget handoverTo) {
        Role wanted = role == null ? null : Role.fromInput(role);
        return transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
            AgentQueries agents = new AgentQueries(handle);
            // The assignees' lock first: no ticket is given to this agent while they are being disabled.
            Agent current = Assignees.lock(handle, id);
            if (caller != null) {
                AgentChanges.checkUpdate(caller, current, wanted, line, active, password != null);
            }
            Agent updated = new Agent(id, current.email(),
                    name == null ? current.name() : name.strip(),
                    wanted == null ? current.role() : wanted.wireName(),
                    line == null ? current.line() : line,
                    active == null ? current.active() : active);
            validate(updated.email(), updated.name(), updated.line());
            if (isActiveAdmin(current) && !isActiveAdmin(updated)) {
                // Serialises with any other change of admins, so two admins demoting each other cannot both succeed.
                agents.lockTable();
                if (agents.countActiveAdminsOtherThan(id) == 0) {
                    throw new Refusal(Refusal.Kind.CONFLICT, "last_administrator", current.name()
                            + " is the last active administrator; make another agent an administrator first");
                }
            }
            if (current.active() && !updated.active()) {
                long open = handover.openTickets(handle, id);
                if (open > 0 && handoverTo == null) {
                    throw new HasOpenTickets(current.name(), open);
                }
                if (open > 0) {
                    handover.move(handle, current, handoverTo, caller, afterCommit);
                }
            }
            agents.update(updated);
            if (password != null) {
                PasswordPolicy.check(password, updated.email());
                PasswordService.setPassword(handle, id, Passwords.hash(password), false, null);
            }
            return updated;
        });
    }

    /** Hands the tickets the agent is responsible for (not closed) to {@code to}; how many moved. */
    public long reassign(long id, HandoverTarget to, Agent by) {
        return transactions.inTransactionRetryingConflicts((handle, afterCommit) ->
                handover.move(handle, Assignees.lock(handle, id), to, by, afterCommit));
    }

    private static boolean isActiveAdmin(Agent agent) {
        return agent.isAdmin() && agent.active();
    }

    private static void validate(String email, String name, int line) {
        if (email == null || !email.contains("@") || email.strip().length() < 3) {
            throw Refusal.invalid("'email' must be an email address");
        }
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("'name' is required");
        }
        if (line != 1 && line != 2) {
            throw Refusal.invalid("'line' must be 1 or 2");
        }
    }
}
