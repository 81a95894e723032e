package io.supporthub.hub.agent;

import io.javalin.http.Context;
import io.supporthub.hub.error.Refusal;

import java.util.function.Supplier;

/** Told the outcome of every login attempt, at the login routes (the audit log listens). */
public interface LoginListener {

    void succeeded(Context ctx, Agent agent);

    void refused(Context ctx, String email, Refusal refusal);

    /** Runs the attempt and tells its outcome. */
    default Agent watch(Context ctx, String email, Supplier<Agent> attempt) {
        Agent agent;
        try {
            agent = attempt.get();
        } catch (Refusal refusal) {
            refused(ctx, email, refusal);
            throw refusal;
        }
        succeeded(ctx, agent);
        return agent;
    }
}
