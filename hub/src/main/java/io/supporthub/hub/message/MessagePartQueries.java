package io.supporthub.hub.message;

import io.supporthub.channels.ChannelKind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL on the parts an outgoing message went out in, within the caller's transaction: the provider's id of each part
 * a channel sent when it sends a message as several (a long text cut up, a text and its files).
 */
public final class MessagePartQueries {

    /** A part of a message the provider accepted: its place in the message, from 0, and the provider's id or null. */
    public record Part(int part, String providerId) {
    }

    private final Handle handle;

    public MessagePartQueries(Handle handle) {
        this.handle = handle;
    }

    /**
     * Stores the parts sent. A part stored already (a second worker after a lease ended) stays as it is, and so does
     * a provider id another message holds (a provider reusing ids): the part is out whatever is recorded.
     */
    public void record(long messageId, ChannelKind channel, List<Part> parts, Instant now) {
        for (Part part : parts) {
            handle.createUpdate("insert into message_part (message_id, part, channel, provider_id, sent_at) "
                            + "values (:messageId, :part, :channel, :providerId, :now) on conflict do nothing")
                    .bind("messageId", messageId)
                    .bind("part", part.part())
                    .bind("channel", channel.wireName())
                    .bind("providerId", part.providerId())
                    .bind("now", now)
                    .execute();
        }
    }

    /**
     * The provider ids of the parts of the message delivered so far, in order (null where the provider named none):
     * the unbroken run from the first part, which is where a retry resumes.
     */
    public List<String> delivered(long messageId) {
        List<Part> stored = handle.createQuery("select part, provider_id from message_part where message_id = :messageId "
                        + "order by part")
                .bind("messageId", messageId)
                .map((rs, ctx) -> new Part(rs.getInt("part"), rs.getString("provider_id")))
                .list();
        List<String> ids = new ArrayList<>();
        for (Part part : stored) {
            if (part.part() != ids.size()) {
                break;
            }
            ids.add(part.providerId());
        }
        return ids;
    }
}
