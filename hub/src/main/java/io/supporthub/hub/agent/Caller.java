package io.supporthub.hub.agent;

/**
 * Who made a request: the agent, and the session it came by (null for an API token). An agent whose password an
 * administrator reset must choose a new one before doing anything else.
 */
public record Caller(Agent agent, Long sessionId, boolean mustChangePassword) {
}
