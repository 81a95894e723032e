package io.supporthub.hub.agent;

import java.time.Instant;

/**
 * How one login attempt ended, for whoever records logins (an audit log): the email as typed, the client's address,
 * the agent when the email is one, and when.
 */
public record LoginOutcome(String email, String clientAddress, Long agentId, Result result, Instant at) {

    public enum Result {
        SUCCEEDED,
        WRONG_PASSWORD,
        ACCOUNT_DISABLED,
        /** Refused before any password check: too many attempts from this address. */
        THROTTLED
    }

    /** Told of every login attempt, after its outcome is known. */
    @FunctionalInterface
    public interface Listener {
        void loginAttempted(LoginOutcome outcome);
    }
}
