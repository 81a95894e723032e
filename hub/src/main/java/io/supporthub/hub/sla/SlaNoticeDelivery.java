package io.supporthub.hub.sla;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.db.AfterCommit;
import org.jdbi.v3.core.Handle;

/** Hands one notice to one employee, in the transaction that recorded it; what goes out does so after commit. */
@FunctionalInterface
public interface SlaNoticeDelivery {
    void deliver(Handle handle, Agent agent, long ticketId, SlaNoticeKind kind, String text, AfterCommit afterCommit);
}
