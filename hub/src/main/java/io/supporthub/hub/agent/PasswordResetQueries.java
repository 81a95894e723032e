package io.supporthub.hub.agent;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/** SQL on "forgot password" links: one-time tokens, stored hashed, within the caller's transaction. */
final class PasswordResetQueries {

    private final Handle handle;

    PasswordResetQueries(Handle handle) {
        this.handle = handle;
    }

    void create(String tokenHash, long agentId, Instant now, Instant expiresAt) {
        handle.createUpdate("insert into password_reset (token_hash, agent_id, created_at, expires_at) "
                        + "values (:hash, :agentId, :now, :expires)")
                .bind("hash", tokenHash).bind("agentId", agentId).bind("now", now).bind("expires", expiresAt).execute();
    }

    boolean sentSince(long agentId, Instant since) {
        return handle.createQuery("select count(*) from password_reset where agent_id = :agentId and created_at > :since")
                .bind("agentId", agentId).bind("since", since).mapTo(Long.class).one() > 0;
    }

    /** Uses the token up, in one statement so it works once only: the agent it was for, unless used or expired. */
    Optional<Long> use(String tokenHash, Instant now) {
        return handle.createQuery("update password_reset set used_at = :now where token_hash = :hash "
                        + "and used_at is null and expires_at > :now returning agent_id")
                .bind("hash", tokenHash).bind("now", now).mapTo(Long.class).findOne();
    }

    /** Once a password is set, no older link may set it again. */
    void deleteFor(long agentId) {
        handle.createUpdate("delete from password_reset where agent_id = :agentId").bind("agentId", agentId).execute();
    }
}
