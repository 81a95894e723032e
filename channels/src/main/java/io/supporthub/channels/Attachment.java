package io.supporthub.channels;

import java.util.Objects;

/**
 * A file carried by a message. Inbound attachments arrive with their bytes already fetched from the
 * provider; outbound ones are read from storage before sending.
 */
public record Attachment(String fileName, String contentType, byte[] content, boolean inline, String contentId) {

    public Attachment {
        Objects.requireNonNull(content, "content");
        fileName = fileName == null || fileName.isBlank() ? "attachment" : fileName;
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }

    public static Attachment of(String fileName, String contentType, byte[] content) {
        return new Attachment(fileName, contentType, content, false, null);
    }

    public long size() {
        return content.length;
    }

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
