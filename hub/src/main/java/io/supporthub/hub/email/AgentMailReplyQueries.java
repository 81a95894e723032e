package io.supporthub.hub.email;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** SQL on the agents' mails sent on to customers ({@code mail_agent_reply}), within the caller's transaction. */
final class AgentMailReplyQueries {

    private final Handle handle;

    AgentMailReplyQueries(Handle handle) {
        this.handle = handle;
    }

    /** Remembers the agent's mail by its Message-ID, with the message it became. */
    void remember(String externalId, long messageId, Instant now) {
        handle.createUpdate("insert into mail_agent_reply (external_id, message_id, created_at) values (:id, :messageId, :now)")
                .bind("id", externalId).bind("messageId", messageId).bind("now", now).execute();
    }

    /** Whether the agent's mail with this Message-ID was handled before. */
    boolean seen(String externalId) {
        return handle.createQuery("select exists (select 1 from mail_agent_reply where external_id = :id)")
                .bind("id", externalId).mapTo(Boolean.class).one();
    }
}
