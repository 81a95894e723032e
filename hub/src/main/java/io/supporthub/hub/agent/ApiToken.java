package io.supporthub.hub.agent;

import java.time.Instant;

/** An agent's API token as listed: never the token itself, which is shown once when made. */
public record ApiToken(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
}
