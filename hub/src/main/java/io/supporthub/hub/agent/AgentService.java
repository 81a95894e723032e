package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.HasOpenTickets;
import io.supporthub.hub.error.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
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

    public Agent create(String email, String name, String password, String role, int line) {
        validate(email, name, role, line);
        PasswordPolicy.check(password, email);
        return transactions.inTransaction((handle, afterCommit) -> {
            AgentQueries agents = new AgentQueries(handle);
            if (agents.findByEmail(email).isPresent()) {
                throw Refusal.conflict("an agent with the email " + email + " exists already");
            }
            return agents.create(email, name, Passwords.hash(password), role.toLowerCase(Locale.ROOT), line);
        });
    }

    /** Changes name, role, line, whether the agent may log in, and optionally the password. */
    public Agent update(long id, String name, String role, Integer line, Boolean active, String password) {
        return update(id, name, role, line, active, password, null, null);
    }

    /**
     * As above; disabling someone responsible for tickets that are not closed needs {@code handover} (where they go,
     * moved in the same transaction, so a leaver is cut off at once) or is refused with the count.
     */
    public Agent update(long id, String name, String role, Integer line, Boolean active, String password,
                        HandoverTarget handoverTo, Agent by) {
        return transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
            AgentQueries agents = new AgentQueries(handle);
            // The assignees' lock first: no ticket is given to this agent while they are being disabled.
            Agent current = Assignees.lock(handle, id);
            Agent updated = new Agent(id, current.email(),
                    name == null ? current.name() : name.strip(),
                    role == null ? current.role() : role.toLowerCase(Locale.ROOT),
                    line == null ? current.line() : line,
                    active == null ? current.active() : active);
            validate(updated.email(), updated.name(), updated.role(), updated.line());
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
                    handover.move(handle, current, handoverTo, by, afterCommit);
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

    private static void validate(String email, String name, String role, int line) {
        if (email == null || !email.contains("@") || email.strip().length() < 3) {
            throw Refusal.invalid("'email' must be an email address");
        }
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("'name' is required");
        }
        if (!List.of("admin", "agent").contains(role.toLowerCase(Locale.ROOT))) {
            throw Refusal.invalid("'role' must be admin or agent");
        }
        if (line != 1 && line != 2) {
            throw Refusal.invalid("'line' must be 1 or 2");
        }
    }
}
