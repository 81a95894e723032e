package io.supporthub.hub.agent;

import io.supporthub.hub.db.AfterCommit;
import org.jdbi.v3.core.Handle;

import java.time.Duration;

/** Sends an agent the one-time link that sets a new password (by email, when a mailbox is configured). */
@FunctionalInterface
public interface PasswordResetMail {

    /** Queues the mail in the caller's transaction, so it goes out only if the link was stored. */
    void queue(Handle handle, Agent agent, String link, Duration validFor, AfterCommit afterCommit);
}
