package io.supporthub.hub.audit;

import io.supporthub.hub.agent.LoginOutcome;

/** Logins into the audit log: {@code login.succeeded} by the agent, {@code login.failed} with the email typed and why. */
public final class LoginAudit implements LoginOutcome.Listener {

    /** The longest an email address can be (RFC 5321): what is typed beyond it is not kept. */
    private static final int MAX_EMAIL = 320;

    private final AuditLog audit;

    public LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void loginAttempted(LoginOutcome outcome) {
        String typed = outcome.email().length() > MAX_EMAIL ? outcome.email().substring(0, MAX_EMAIL) : outcome.email();
        if (outcome.result() == LoginOutcome.Result.SUCCEEDED) {
            audit.record(new AuditRecord(outcome.agentId(), typed, "login.succeeded", "agent:" + outcome.agentId(),
                    outcome.clientAddress(), null, null, null));
        } else {
            audit.record(new AuditRecord(null, typed, "login.failed",
                    outcome.agentId() == null ? null : "agent:" + outcome.agentId(), outcome.clientAddress(),
                    reason(outcome.result()), null, null));
        }
    }

    private static String reason(LoginOutcome.Result result) {
        return switch (result) {
            case WRONG_PASSWORD -> "wrong email or password";
            case ACCOUNT_DISABLED -> "the account is disabled";
            case THROTTLED -> "too many attempts from this address";
            case SUCCEEDED -> null;
        };
    }
}
