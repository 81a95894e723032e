package io.supporthub.hub.agent;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL on agents' sessions, within the caller's transaction. Sessions are found by the hash of their cookie. */
final class SessionQueries {

    /** A live session and its agent. */
    record Found(Agent agent, long sessionId, Instant lastUsedAt, boolean mustChangePassword) {
    }

    private final Handle handle;

    SessionQueries(Handle handle) {
        this.handle = handle;
    }

    void create(String tokenHash, long agentId, Instant now, Instant expiresAt, String clientAddress, String userAgent) {
        handle.createUpdate("insert into agent_session (token_hash, agent_id, created_at, expires_at, last_used_at, "
                        + "client_address, user_agent) values (:hash, :agentId, :now, :expires, :now, :client, :userAgent)")
                .bind("hash", tokenHash).bind("agentId", agentId).bind("now", now).bind("expires", expiresAt)
                .bind("client", clientAddress).bind("userAgent", userAgent).execute();
    }

    /** The session unless it expired or went unused since {@code idleSince}, with an active agent. */
    Optional<Found> find(String tokenHash, Instant now, Instant idleSince) {
        return handle.createQuery("select a.id, a.email, a.name, a.role, a.line, a.active, a.must_change_password, "
                        + "s.id as session_id, s.last_used_at from agent_session s join agent a on a.id = s.agent_id "
                        + "where s.token_hash = :hash and s.expires_at > :now and s.last_used_at > :idleSince and a.active")
                .bind("hash", tokenHash).bind("now", now).bind("idleSince", idleSince)
                .map((rs, ctx) -> new Found(new Agent(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                        rs.getString("role"), rs.getInt("line"), rs.getBoolean("active")), rs.getLong("session_id"),
                        rs.getTimestamp("last_used_at").toInstant(), rs.getBoolean("must_change_password")))
                .findOne();
    }

    void touch(long sessionId, Instant now) {
        handle.createUpdate("update agent_session set last_used_at = :now where id = :id").bind("id", sessionId).bind("now", now).execute();
    }

    List<AgentSession> of(long agentId) {
        return handle.createQuery("select id, created_at, last_used_at, client_address, user_agent from agent_session "
                        + "where agent_id = :agentId order by last_used_at desc")
                .bind("agentId", agentId).mapTo(AgentSession.class).list();
    }

    boolean delete(long agentId, long sessionId) {
        return handle.createUpdate("delete from agent_session where agent_id = :agentId and id = :id")
                .bind("agentId", agentId).bind("id", sessionId).execute() > 0;
    }

    void deleteByToken(String tokenHash) {
        handle.createUpdate("delete from agent_session where token_hash = :hash").bind("hash", tokenHash).execute();
    }

    /** Ends every session of the agent but {@code keep} (null: all of them). */
    void deleteAllBut(long agentId, Long keep) {
        handle.createUpdate("delete from agent_session where agent_id = :agentId and id is distinct from :keep")
                .bind("agentId", agentId).bind("keep", keep).execute();
    }

    void deleteExpired(Instant now, Instant idleSince) {
        handle.createUpdate("delete from agent_session where expires_at <= :now or last_used_at <= :idleSince")
                .bind("now", now).bind("idleSince", idleSince).execute();
    }
}
