package io.supporthub.hub.channelhealth;

import io.supporthub.channels.ChannelKind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * The figures of a channel's health, each one short scan of an index ({@code message_channel_latest},
 * {@code outbox_channel}): its newest message received and sent, and what waits in the outbox.
 */
final class ChannelHealthQueries {

    private final Handle handle;

    ChannelHealthQueries(Handle handle) {
        this.handle = handle;
    }

    Optional<Instant> lastReceived(ChannelKind channel) {
        return handle.createQuery("select created_at from message where channel || ':' || direction = :key "
                        + "order by created_at desc limit 1")
                .bind("key", channel.wireName() + ":in").mapTo(Instant.class).findOne();
    }

    /** The newest outgoing message the provider took (sent, delivered or read), among the newest 50 sent. */
    Optional<Instant> lastSent(ChannelKind channel) {
        return handle.createQuery("select created_at from (select created_at, delivery_state from message "
                        + "where channel || ':' || direction = :key order by created_at desc limit 50) newest "
                        + "where delivery_state in ('sent', 'delivered', 'read') order by created_at desc limit 1")
                .bind("key", channel.wireName() + ":out").mapTo(Instant.class).findOne();
    }

    long waiting(ChannelKind channel) {
        return handle.createQuery("select count(*) from outbox where channel = :channel")
                .bind("channel", channel.wireName()).mapTo(Long.class).one();
    }
}
