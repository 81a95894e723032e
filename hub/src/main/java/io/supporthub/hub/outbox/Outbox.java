package io.supporthub.hub.outbox;

import io.supporthub.channels.ChannelKind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** Queues a stored outgoing message for sending, in the transaction that wrote it. */
public final class Outbox {

    private Outbox() {
    }

    public static void enqueue(Handle handle, long messageId, ChannelKind channel, Instant now) {
        handle.createUpdate("insert into outbox (message_id, channel, next_attempt_at, created_at) "
                        + "values (:messageId, :channel, :now, :now)")
                .bind("messageId", messageId)
                .bind("channel", channel.wireName())
                .bind("now", now)
                .execute();
    }
}
