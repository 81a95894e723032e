package io.supporthub.hub.agent;

import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL on agents' API tokens, within the caller's transaction. Only a token's hash is stored. */
final class TokenQueries {

    /** How stale a token's "last used" may get before a request writes it again: not a write per request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, name, created_at, expires_at, last_used_at";

    private final Handle handle;

    TokenQueries(Handle handle) {
        this.handle = handle;
    }

    ApiToken create(long agentId, String name, String tokenHash, Instant now, Instant expiresAt) {
        return handle.createQuery("insert into agent_token (agent_id, name, token_hash, created_at, expires_at) "
                        + "values (:agentId, :name, :hash, :now, :expires) returning " + COLUMNS)
                .bind("agentId", agentId).bind("name", name).bind("hash", tokenHash).bind("now", now).bind("expires", expiresAt)
                .mapTo(ApiToken.class).one();
    }

    boolean nameTaken(long agentId, String name) {
        return handle.createQuery("select count(*) from agent_token where agent_id = :agentId and name = :name")
                .bind("agentId", agentId).bind("name", name).mapTo(Long.class).one() > 0;
    }

    List<ApiToken> of(long agentId) {
        return handle.createQuery("select " + COLUMNS + " from agent_token where agent_id = :agentId order by created_at, id")
                .bind("agentId", agentId).mapTo(ApiToken.class).list();
    }

    /** The active agent whose unexpired token this is; notes the use. */
    Optional<Agent> agentOf(String tokenHash, Instant now) {
        Optional<Agent> agent = handle.createQuery("select a.id, a.email, a.name, a.role, a.line, a.active from agent_token t "
                        + "join agent a on a.id = t.agent_id where t.token_hash = :hash and a.active "
                        + "and (t.expires_at is null or t.expires_at > :now)")
                .bind("hash", tokenHash).bind("now", now).mapTo(Agent.class).findOne();
        agent.ifPresent(found -> handle.createUpdate("update agent_token set last_used_at = :now where token_hash = :hash "
                        + "and (last_used_at is null or last_used_at < :stale)")
                .bind("hash", tokenHash).bind("now", now).bind("stale", now.minus(LAST_USED_PRECISION)).execute());
        return agent;
    }

    boolean delete(long agentId, long tokenId) {
        return handle.createUpdate("delete from agent_token where agent_id = :agentId and id = :id")
                .bind("agentId", agentId).bind("id", tokenId).execute() > 0;
    }

    void deleteNamed(long agentId, String name) {
        handle.createUpdate("delete from agent_token where agent_id = :agentId and name = :name")
                .bind("agentId", agentId).bind("name", name).execute();
    }

    void deleteAll(long agentId) {
        handle.createUpdate("delete from agent_token where agent_id = :agentId").bind("agentId", agentId).execute();
    }
}
