package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Changing, resetting and recovering passwords. Whatever sets a password ends the agent's other sessions and revokes
 * their API tokens: whoever knew the old password may have left either behind.
 */
public final class PasswordService {

    private static final Logger log = LoggerFactory.getLogger(PasswordService.class);
    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    /** At most one "forgot password" mail per agent in this while, so the form cannot flood anyone's inbox. */
    static final Duration RESET_MAIL_INTERVAL = Duration.ofMinutes(5);

    private final Transactions transactions;
    private final Clock clock;
    private final String publicUrl;
    private final Optional<PasswordResetMail> resetMail;
    private final LoginThrottle throttle;

    public PasswordService(Transactions transactions, Clock clock, String publicUrl, Optional<PasswordResetMail> resetMail) {
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.resetMail = resetMail;
        this.throttle = new LoginThrottle(transactions);
    }

    /**
     * The agent's own change, proving the current password; the session it came by stays open. The proof counts as
     * a login attempt from {@code client}, so a stolen session cannot guess the password at speed either.
     */
    public void change(Caller caller, String client, String current, String replacement) {
        Agent agent = caller.agent();
        Instant now = clock.instant();
        throttle.admit(agent.email(), client, now);
        String hash = transactions.read(handle -> new AgentQueries(handle).passwordHash(agent.id())).orElseThrow();
        if (PasswordPolicy.tooLong(current) || !Passwords.matches(current, hash)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "wrong_password", "the current password is wrong");
        }
        throttle.succeeded(agent.email(), client, now);
        if (current.equals(replacement)) {
            throw Refusal.invalid("the new password must differ from the current one");
        }
        PasswordPolicy.check(replacement, agent.email());
        transactions.inTransaction((handle, afterCommit) -> {
            setPassword(handle, agent.id(), Passwords.hash(replacement), false, caller.sessionId());
            return null;
        });
        log.info("Agent {} changed their password; their other sessions and API tokens were ended", agent.id());
    }

    /** An administrator's reset: a temporary password, shown once, that must be replaced at the next login. */
    public String resetByAdmin(long agentId) {
        String temporary = Passwords.randomToken(12);
        transactions.inTransaction((handle, afterCommit) -> {
            new AgentQueries(handle).find(agentId).orElseThrow(() -> Refusal.notFound("no agent " + agentId));
            setPassword(handle, agentId, Passwords.hash(temporary), true, null);
            return null;
        });
        log.info("The password of agent {} was reset by an administrator", agentId);
        return temporary;
    }

    /**
     * "Forgot password": mails a one-time link to an active agent with this email, when a mailbox is configured.
     * Says nothing either way, so the form does not tell which emails are agents'.
     */
    public void forgot(String email) {
        if (resetMail.isEmpty()) {
            log.info("Password reset asked for {}, but no mailbox is configured to send the link", email);
            return;
        }
        Instant now = clock.instant();
        transactions.inTransaction((handle, afterCommit) -> {
            Optional<Agent> agent = new AgentQueries(handle).findByEmail(email.strip()).filter(Agent::active);
            PasswordResetQueries resets = new PasswordResetQueries(handle);
            if (agent.isEmpty() || resets.sentSince(agent.get().id(), now.minus(RESET_MAIL_INTERVAL))) {
                return null;
            }
            String token = Passwords.randomToken(32);
            resets.create(Passwords.sha256(token), agent.get().id(), now, now.plus(RESET_LINK_LIFETIME));
            String link = publicUrl + "/password/reset?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            resetMail.get().queue(handle, agent.get(), link, RESET_LINK_LIFETIME, afterCommit);
            return null;
        });
    }

    /** Sets the password a "forgot password" link was for; the link works once, within its lifetime. */
    public void reset(String token, String replacement) {
        Instant now = clock.instant();
        transactions.inTransaction((handle, afterCommit) -> {
            long agentId = new PasswordResetQueries(handle).use(Passwords.sha256(token), now).orElseThrow(() ->
                    new Refusal(Refusal.Kind.INVALID, "invalid_token", "this link is not valid any more; ask for a new one"));
            Agent agent = new AgentQueries(handle).find(agentId).orElseThrow();
            PasswordPolicy.check(replacement, agent.email());
            setPassword(handle, agentId, Passwords.hash(replacement), false, null);
            return null;
        });
    }

    /** Stores a new password hash and ends what the old password may have left behind (but {@code keepSession}). */
    static void setPassword(Handle handle, long agentId, String hash, boolean mustChange, Long keepSession) {
        new AgentQueries(handle).setPassword(agentId, hash, mustChange);
        new SessionQueries(handle).deleteAllBut(agentId, keepSession);
        new TokenQueries(handle).deleteAll(agentId);
        new PasswordResetQueries(handle).deleteFor(agentId);
    }
}
