package io.supporthub.hub.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * One row of the audit log. {@code actorAgentId} is null for a failed login, whose {@code actorEmail} is the email
 * typed; {@code before} and {@code after} are the target's JSON around the change (null for what did not exist), kept
 * as stored and written into answers as they are.
 */
public record AuditEntry(long id, Instant at, Long actorAgentId, String actorEmail, String action, String target,
                         String clientAddress, String note, @JsonRawValue String before, @JsonRawValue String after) {
}
