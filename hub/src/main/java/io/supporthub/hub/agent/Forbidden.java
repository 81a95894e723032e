package io.supporthub.hub.agent;

import io.supporthub.hub.error.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request refused for the caller's role: one log line, and a 403 that says why. */
public final class Forbidden {

    private static final Logger log = LoggerFactory.getLogger(Forbidden.class);

    private Forbidden() {
    }

    /** {@code what}: the request, e.g. {@code PATCH /api/agents/7}. */
    public static Refusal because(Agent caller, String what, String reason) {
        note(caller, what, reason);
        return Refusal.forbidden(reason);
    }

    /** The log line alone, for refusals answered otherwise (a page). */
    public static void note(Agent caller, String what, String reason) {
        log.info("Refused {} to agent {} ({}): {}", what, caller.id(), caller.role(), reason);
    }
}
