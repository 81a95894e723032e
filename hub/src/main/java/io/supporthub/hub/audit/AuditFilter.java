package io.supporthub.hub.audit;

import java.time.Instant;

/**
 * Which audit rows to list: by the acting agent (by id, or by email, which also finds failed logins), by action (a
 * whole action or its first part: {@code login}), in {@code [from, to)}, older than the row {@code after}.
 */
public record AuditFilter(Long actorAgentId, String actorEmail, String action, Instant from, Instant to, Long after,
                          int limit) {
}
