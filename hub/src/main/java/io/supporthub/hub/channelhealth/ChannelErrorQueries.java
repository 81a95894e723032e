package io.supporthub.hub.channelhealth;

import io.supporthub.channels.ChannelKind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Each channel's last delivery error ({@code channel_error}), written when a send fails, within the caller's transaction. */
public final class ChannelErrorQueries {

    /** A channel's last error: what, on which message (null for none), when. */
    public record LastError(String message, Long messageId, Instant at) {
    }

    private final Handle handle;

    public ChannelErrorQueries(Handle handle) {
        this.handle = handle;
    }

    public void record(ChannelKind channel, Long messageId, String message, Instant at) {
        handle.createUpdate("insert into channel_error (channel, message, message_id, at) values (:channel, :message, :messageId, :at) "
                        + "on conflict (channel) do update set message = excluded.message, message_id = excluded.message_id, "
                        + "at = excluded.at where channel_error.at <= excluded.at")
                .bind("channel", channel.wireName())
                .bind("message", message == null ? "unknown error" : message)
                .bind("messageId", messageId)
                .bind("at", at)
                .execute();
    }

    public Map<String, LastError> all() {
        return handle.createQuery("select channel, message, message_id, at from channel_error")
                .reduceRows(new java.util.HashMap<String, LastError>(), (map, row) -> {
                    map.put(row.getColumn("channel", String.class), new LastError(row.getColumn("message", String.class),
                            row.getColumn("message_id", Long.class), row.getColumn("at", Instant.class)));
                    return map;
                });
    }

    public Optional<LastError> of(ChannelKind channel) {
        return Optional.ofNullable(all().get(channel.wireName()));
    }
}
