package io.supporthub.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.channels.UnprocessablePayloadException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLConnection;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code message} object of a Viber callback: its text, the files it carries (fetched now, while Viber's
 * media URL is fresh), files refused for their size, and a phone number the customer shared.
 */
final class ViberMessageContent {

    /** What one Viber message amounts to. */
    record Content(String text, List<Attachment> attachments, List<String> refused, List<Address> revealed) {
        static Content text(String text) {
            return new Content(text, List.of(), List.of(), List.of());
        }
    }

    private final MediaDownloader downloader;
    private final long maxFileBytes;
    private final PhoneNumbers phones;

    ViberMessageContent(MediaDownloader downloader, long maxFileBytes, PhoneNumbers phones) {
        this.downloader = downloader;
        this.maxFileBytes = maxFileBytes;
        this.phones = phones;
    }

    Content read(JsonNode message) throws UnprocessablePayloadException, IOException {
        String type = text(message, "type");
        if (type == null) {
            throw new UnprocessablePayloadException("Viber message without a 'type'");
        }
        return switch (type) {
            case "text" -> Content.text(orEmpty(text(message, "text")));
            case "picture" -> media(message, orEmpty(text(message, "text")), "photo", "image/jpeg");
            case "video" -> media(message, orEmpty(text(message, "text")), "video", "video/mp4");
            case "file" -> media(message, "", "file", null);
            case "contact" -> contact(message.path("contact"));
            case "location" -> Content.text(location(message.path("location")));
            case "sticker" -> Content.text("Sent a Viber sticker (id " + message.path("sticker_id").asText("?") + ")");
            case "url" -> Content.text(orEmpty(text(message, "media")));
            case "rich_media" -> Content.text(text(message, "alt_text") != null
                    ? text(message, "alt_text") : "Sent a Viber rich media message");
            default -> Content.text("Sent a Viber message of type '" + type + "' that the hub cannot show");
        };
    }

    private Content media(JsonNode message, String caption, String kind, String defaultType) throws IOException {
        String url = text(message, "media");
        String declaredName = text(message, "file_name");
        String name = declaredName != null ? declaredName : kind;
        if (url == null) {
            return new Content(caption, List.of(), List.of(name + " (Viber sent no link to the file)"), List.of());
        }
        long declaredSize = message.path("size").asLong(-1);
        if (declaredSize > maxFileBytes) {
            return refused(caption, name, declaredSize);
        }
        MediaDownloader.Download download;
        try {
            download = downloader.fetch(URI.create(url), maxFileBytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching Viber media " + url);
        } catch (IllegalArgumentException badUrl) {
            return new Content(caption, List.of(), List.of(name + " (Viber sent an invalid link)"), List.of());
        }
        if (download instanceof MediaDownloader.TooLarge tooLarge) {
            return refused(caption, name, tooLarge.size());
        }
        if (download instanceof MediaDownloader.Gone gone) {
            return new Content(caption, List.of(),
                    List.of(name + " (could not be fetched from Viber: " + gone.reason() + ")"), List.of());
        }
        MediaDownloader.Fetched fetched = (MediaDownloader.Fetched) download;
        String contentType = contentType(fetched.contentType(), declaredName, defaultType);
        String fileName = declaredName != null ? declaredName : kind + extension(contentType);
        return new Content(caption, List.of(Attachment.of(fileName, contentType, fetched.content())), List.of(), List.of());
    }

    private Content refused(String caption, String name, long size) {
        return new Content(caption, List.of(), List.of(name + " (" + describeSize(size) + ")"), List.of());
    }

    private Content contact(JsonNode contact) {
        String name = text(contact, "name");
        String raw = text(contact, "phone_number");
        // Viber does not say whether a shared contact is the sender's own number, so it is shown, never taken as the
        // sender's identity: otherwise anyone could attach a stranger's phone, and their tickets, to themselves.
        String shown = raw;
        if (raw != null) {
            shown = phones.internationalFirst(raw).orElse(raw);
        }
        StringBuilder text = new StringBuilder("Contact:");
        if (name != null) {
            text.append(' ').append(name);
        }
        if (shown != null) {
            text.append(name != null ? ", " : " ").append(shown);
        }
        return new Content(text.toString(), List.of(), List.of(), List.of());
    }

    private static String location(JsonNode location) throws UnprocessablePayloadException {
        JsonNode lat = location.get("lat");
        JsonNode lon = location.get("lon");
        if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber()) {
            throw new UnprocessablePayloadException("Viber location message without numeric 'lat' and 'lon'");
        }
        String latText = lat.decimalValue().stripTrailingZeros().toPlainString();
        String lonText = lon.decimalValue().stripTrailingZeros().toPlainString();
        String address = text(location, "address");
        return "Location: " + latText + ", " + lonText + (address != null ? " (" + address + ")" : "")
                + "\nhttps://www.google.com/maps/search/?api=1&query=" + latText + "," + lonText;
    }

    private static String contentType(String served, String fileName, String fallback) {
        if (served != null && !served.isBlank() && !served.startsWith("application/octet-stream")) {
            return served.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }
        String guessed = fileName == null ? null : URLConnection.guessContentTypeFromName(fileName);
        return guessed != null ? guessed : fallback;
    }

    private static String extension(String contentType) {
        if (contentType == null) {
            return "";
        }
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "video/quicktime" -> ".mov";
            default -> "";
        };
    }

    static String describeSize(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
