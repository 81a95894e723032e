package io.supporthub.hub.audit;

import io.javalin.http.Context;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.LoginListener;
import io.supporthub.hub.error.Refusal;

/** Logins into the audit log: {@code login.succeeded} by the agent, {@code login.failed} with the email typed and why. */
public final class LoginAudit implements LoginListener {

    /** The longest an email address can be (RFC 5321): what is typed beyond it is not kept. */
    private static final int MAX_EMAIL = 320;

    private final AuditLog audit;

    public LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void succeeded(Context ctx, Agent agent) {
        audit.record(new AuditRecord(agent.id(), agent.email(), "login.succeeded", "agent:" + agent.id(),
                AuditLog.clientAddress(ctx), null, null, null));
    }

    @Override
    public void refused(Context ctx, String email, Refusal refusal) {
        String typed = email.length() > MAX_EMAIL ? email.substring(0, MAX_EMAIL) : email;
        audit.record(new AuditRecord(null, typed, "login.failed", null, AuditLog.clientAddress(ctx),
                refusal.getMessage(), null, null));
    }
}
