package io.supporthub.channels.telegram;

import java.io.IOException;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.UnprocessablePayloadException;

/**
 * Fetches a file a customer sent: {@code getFile} for its path, then {@code /file/bot<token>/<path>}. Files over
 * {@link TelegramSettings#maxFileBytes()} are not fetched but described for the customer ("video.mp4 (35 MB)").
 * A network failure or a 5xx throws {@link TelegramCallException} (an IOException): the update is retried later.
 */
public final class TelegramMediaFetcher {

    private static final Logger log = LoggerFactory.getLogger(TelegramMediaFetcher.class);
    private static final long MB = 1024 * 1024;

    private final TelegramApiClient api;
    private final long maxBytes;

    public TelegramMediaFetcher(TelegramApiClient api) {
        this.api = api;
        this.maxBytes = api.settings().maxFileBytes();
    }

    /**
     * A file named in a message.
     *
     * @param declaredSize the file_size Telegram gave in the update, or null
     * @param fileName     the name to store it under; a default name gets the extension of Telegram's file path
     */
    public record Media(String fileId, Long declaredSize, String fileName, String mimeType) {
    }

    /** Either the fetched attachment or, when it was too large, a description such as "video.mp4 (35 MB)". */
    public record Fetched(Attachment attachment, String refused) {

        static Fetched of(Attachment attachment) {
            return new Fetched(attachment, null);
        }

        static Fetched refused(String description) {
            return new Fetched(null, description);
        }
    }

    public Fetched fetch(Media media) throws IOException, UnprocessablePayloadException {
        return fetch(media, maxBytes);
    }

    /** As {@link #fetch(Media)}, with a lower limit for this file (stickers). */
    public Fetched fetch(Media media, long limit) throws IOException, UnprocessablePayloadException {
        long max = Math.min(limit, maxBytes);
        if (media.declaredSize() != null && media.declaredSize() > max) {
            return tooLarge(media, media.declaredSize(), max);
        }
        File file;
        try {
            file = api.execute(new GetFile(media.fileId()));
        } catch (TelegramCallException e) {
            if (e.errorCode() == 400 && e.description() != null && e.description().toLowerCase(Locale.ROOT).contains("too big")) {
                return tooLarge(media, media.declaredSize() == null ? TelegramSettings.BOT_API_DOWNLOAD_LIMIT + 1 : media.declaredSize(), max);
            }
            if (e.isPassing()) {
                throw e;
            }
            throw new UnprocessablePayloadException("Telegram refused getFile for " + media.fileName() + " ("
                    + e.errorCode() + " " + e.description() + ")", e);
        }
        if (file.getFileSize() != null && file.getFileSize() > max) {
            return tooLarge(media, file.getFileSize(), max);
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new UnprocessablePayloadException("Telegram's getFile for " + media.fileName() + " gave no file_path");
        }
        String name = withExtension(media.fileName(), file.getFilePath());
        Optional<byte[]> bytes = api.download(file.getFilePath(), max);
        if (bytes.isEmpty()) {
            return tooLarge(media, max + 1, max);
        }
        String type = media.mimeType() != null ? media.mimeType() : URLConnection.guessContentTypeFromName(name);
        return Fetched.of(Attachment.of(name, type, bytes.get()));
    }

    private static Fetched tooLarge(Media media, long size, long max) {
        log.info("Not fetching Telegram file {} ({} bytes): over the limit of {} bytes", media.fileName(), size, max);
        return Fetched.refused(media.fileName() + " (" + formatSize(size) + ")");
    }

    static String withExtension(String name, String filePath) {
        int dot = filePath.lastIndexOf('.');
        boolean nameHasExtension = name.lastIndexOf('.') > 0;
        if (nameHasExtension || dot < 0 || dot < filePath.lastIndexOf('/')) {
            return name;
        }
        return name + filePath.substring(dot);
    }

    /** "35 MB", "1.5 MB", "700 KB". */
    static String formatSize(long bytes) {
        if (bytes >= 10 * MB) {
            return Math.round(bytes / (double) MB) + " MB";
        }
        if (bytes >= MB) {
            String mb = String.format(Locale.ROOT, "%.1f", bytes / (double) MB);
            return (mb.endsWith(".0") ? mb.substring(0, mb.length() - 2) : mb) + " MB";
        }
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
}
