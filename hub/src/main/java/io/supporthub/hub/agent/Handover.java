package io.supporthub.hub.agent;

import io.supporthub.hub.db.AfterCommit;
import org.jdbi.v3.core.Handle;

/** Moves the tickets an agent is responsible for elsewhere, in the caller's transaction (tickets implement it). */
public interface Handover {

    /** How many tickets that are not closed the agent is responsible for. */
    long openTickets(Handle handle, long agentId);

    /** Moves them to {@code to}, each with a timeline event; the number moved. The caller holds {@code from}'s lock. */
    long move(Handle handle, Agent from, HandoverTarget to, Agent by, AfterCommit afterCommit);
}
