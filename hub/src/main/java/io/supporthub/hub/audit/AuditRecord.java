package io.supporthub.hub.audit;

/**
 * A row to write: who ({@code actorAgentId} null for a failed login), from where, what, and the target's JSON before
 * and after (each null when there is none). Never a password or token: targets are written as their API shows them.
 */
record AuditRecord(Long actorAgentId, String actorEmail, String action, String target, String clientAddress,
                   String note, String before, String after) {
}
