package io.supporthub.hub.message;

/** An attachment's metadata; the bytes are read separately through {@link AttachmentStore}. */
public record AttachmentInfo(long id, long messageId, String fileName, String contentType, long sizeBytes,
                             String contentId, boolean inline) {
}
