package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** An agent's API tokens (named, optionally expiring, shown once) and sessions: listed and ended by their owner. */
public final class AccessService {

    /** The token {@code POST /api/agents/{id}/token} makes, replacing the one before. */
    public static final String DEFAULT_TOKEN = "default";
    private static final int MAX_NAME_LENGTH = 100;

    /** A token just made: the secret itself, which is never shown again, and how it is listed. */
    public record NewToken(String token, ApiToken listed) {
    }

    private final Transactions transactions;
    private final Clock clock;

    public AccessService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<ApiToken> tokens(long agentId) {
        return transactions.read(handle -> new TokenQueries(handle).of(agentId));
    }

    /** A new token named {@code name}; a name the agent already uses answers 409. */
    public NewToken createToken(long agentId, String name, Instant expiresAt) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw Refusal.invalid("'name' must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw Refusal.invalid("'expiresAt' must be in the future");
        }
        String token = "shk_" + Passwords.randomToken(32);
        ApiToken listed = transactions.inTransaction((handle, afterCommit) -> {
            TokenQueries tokens = new TokenQueries(handle);
            if (tokens.nameTaken(agentId, trimmed)) {
                throw new Refusal(Refusal.Kind.CONFLICT, "name_taken", "you have a token named '" + trimmed + "' already");
            }
            return tokens.create(agentId, trimmed, Passwords.sha256(token), now, expiresAt);
        });
        return new NewToken(token, listed);
    }

    /** The agent's token named {@link #DEFAULT_TOKEN}, made anew (the old one stops working). */
    public String replaceDefaultToken(long agentId) {
        String token = "shk_" + Passwords.randomToken(32);
        Instant now = clock.instant();
        transactions.inTransaction((handle, afterCommit) -> {
            new AgentQueries(handle).find(agentId).orElseThrow(() -> Refusal.notFound("no agent " + agentId));
            TokenQueries tokens = new TokenQueries(handle);
            tokens.deleteNamed(agentId, DEFAULT_TOKEN);
            return tokens.create(agentId, DEFAULT_TOKEN, Passwords.sha256(token), now, null);
        });
        return token;
    }

    public void revokeToken(long agentId, long tokenId) {
        boolean deleted = transactions.inTransaction((handle, afterCommit) -> new TokenQueries(handle).delete(agentId, tokenId));
        if (!deleted) {
            throw Refusal.notFound("you have no token " + tokenId);
        }
    }

    public List<AgentSession> sessions(long agentId) {
        return transactions.read(handle -> new SessionQueries(handle).of(agentId));
    }

    public void endSession(long agentId, long sessionId) {
        boolean deleted = transactions.inTransaction((handle, afterCommit) -> new SessionQueries(handle).delete(agentId, sessionId));
        if (!deleted) {
            throw Refusal.notFound("you have no session " + sessionId);
        }
    }
}
