package io.supporthub.hub.message;

import io.supporthub.channels.Attachment;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Attachment bytes, kept in PostgreSQL (bytea) behind this one class so another blob store can replace it without
 * touching the rest of the hub.
 */
public final class AttachmentStore {

    private final Handle handle;

    public AttachmentStore(Handle handle) {
        this.handle = handle;
    }

    public void save(long messageId, Attachment attachment, Instant now) {
        handle.createUpdate("insert into attachment (message_id, file_name, content_type, size_bytes, content_id, inline, data, created_at) "
                        + "values (:messageId, :fileName, :contentType, :size, :contentId, :inline, :data, :now)")
                .bind("messageId", messageId)
                .bind("fileName", attachment.fileName())
                .bind("contentType", attachment.contentType())
                .bind("size", attachment.size())
                .bind("contentId", attachment.contentId())
                .bind("inline", attachment.inline())
                .bind("data", attachment.content())
                .bind("now", now)
                .execute();
    }

    public Map<Long, List<AttachmentInfo>> infoByMessage(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return handle.createQuery("select id, message_id, file_name, content_type, size_bytes, content_id, inline "
                        + "from attachment where message_id = any(:ids) order by id")
                .bindArray("ids", Long.class, messageIds)
                .mapTo(AttachmentInfo.class)
                .stream()
                .collect(Collectors.groupingBy(AttachmentInfo::messageId));
    }

    public Optional<AttachmentInfo> info(long id) {
        return handle.createQuery("select id, message_id, file_name, content_type, size_bytes, content_id, inline from attachment where id = :id")
                .bind("id", id).mapTo(AttachmentInfo.class).findOne();
    }

    public Optional<byte[]> content(long id) {
        return handle.createQuery("select data from attachment where id = :id").bind("id", id).mapTo(byte[].class).findOne();
    }

    /** The files of a message, bytes included, for sending. */
    public List<Attachment> load(long messageId) {
        return handle.createQuery("select file_name, content_type, data, inline, content_id from attachment where message_id = :id order by id")
                .bind("id", messageId)
                .map((rs, ctx) -> new Attachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("data"), rs.getBoolean("inline"), rs.getString("content_id")))
                .list();
    }
}
