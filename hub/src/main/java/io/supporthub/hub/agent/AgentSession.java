package io.supporthub.hub.agent;

import java.time.Instant;

/** One of an agent's sessions as the agent sees it: when it began and was last used, and from where. */
public record AgentSession(long id, Instant createdAt, Instant lastUsedAt, String clientAddress, String userAgent) {
}
