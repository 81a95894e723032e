package io.supporthub.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.channels.SenderProfile;
import io.supporthub.channels.ThreadHint;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.telegram.TelegramMediaFetcher.Fetched;
import io.supporthub.channels.telegram.TelegramMediaFetcher.Media;
import org.telegram.telegrambots.meta.api.objects.Contact;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.stickers.Sticker;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Turns one Telegram message (new or edited) into an {@link InboundMessage}, fetching its files. */
final class TelegramMessageMapper {

    /** Stickers are decoration: fetched only when small, and never reported as refused. */
    static final long STICKER_MAX_BYTES = 512 * 1024;
    private static final Set<String> CONTENT = Set.of("text", "caption", "photo", "document", "voice", "audio", "video",
            "video_note", "sticker", "location", "venue", "contact", "animation");
    /** Fields of service messages (chat changes, pins, permissions): nothing a customer wrote. */
    private static final Set<String> SERVICE = Set.of("new_chat_members", "left_chat_member", "new_chat_title",
            "new_chat_photo", "delete_chat_photo", "group_chat_created", "supergroup_chat_created",
            "channel_chat_created", "message_auto_delete_timer_changed", "migrate_to_chat_id", "migrate_from_chat_id",
            "pinned_message", "write_access_allowed", "proximity_alert_triggered", "video_chat_scheduled",
            "video_chat_started", "video_chat_ended", "video_chat_participants_invited", "forum_topic_created",
            "forum_topic_edited", "forum_topic_closed", "forum_topic_reopened", "general_forum_topic_hidden",
            "general_forum_topic_unhidden", "users_shared", "chat_shared", "connected_website", "boost_added",
            "chat_background_set", "giveaway_created", "giveaway_completed");

    private final TelegramMediaFetcher fetcher;

    TelegramMessageMapper(TelegramMediaFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** @return the message, or empty for a service message (a pin, a title change) that carries nothing to store */
    Optional<InboundMessage> map(Message m, JsonNode raw, boolean edit) throws UnprocessablePayloadException, IOException {
        long chatId = m.getChat().getId();
        String externalId = chatId + ":" + m.getMessageId();
        List<String> fields = StreamSupport.stream(((Iterable<String>) raw::fieldNames).spliterator(), false).toList();
        if (fields.stream().noneMatch(CONTENT::contains)) {
            if (fields.stream().anyMatch(SERVICE::contains)) {
                return Optional.empty();
            }
            throw new UnprocessablePayloadException("Telegram message " + externalId + " carries nothing the hub handles"
                    + " (fields: " + String.join(", ", fields) + ")");
        }
        Content content = new Content();
        content.addText(m.getText());
        content.addText(m.getCaption());
        List<Address> otherAddresses = new ArrayList<>();
        addMedia(m, content);
        if (m.getVenue() != null) {
            Location at = m.getVenue().getLocation();
            content.addText(describeLocation(at) + "\n" + join(", ", m.getVenue().getTitle(), m.getVenue().getAddress()));
        } else if (m.getLocation() != null) {
            content.addText(describeLocation(m.getLocation()));
        }
        if (m.getContact() != null) {
            Contact contact = m.getContact();
            boolean own = m.getFrom() != null && m.getFrom().getId().equals(contact.getUserId());
            // Someone's own contact carries their account's number, always international even without "+"; another
            // person's is as written in the sender's phone book, so only a "+" tells its country.
            Optional<String> phone = PhoneNumbers.international(contact.getPhoneNumber(), own);
            if (own) {
                phone.map(Address::phone).ifPresent(otherAddresses::add);
            }
            content.addText("Contact: " + join(" ", contact.getFirstName(), contact.getLastName()) + ", "
                    + phone.orElse(contact.getPhoneNumber()));
        }
        Integer when = edit && m.getEditDate() != null ? m.getEditDate() : m.getDate();
        ThreadHint hint = m.getReplyToMessage() == null ? ThreadHint.NONE
                : new ThreadHint(null, List.of(chatId + ":" + m.getReplyToMessage().getMessageId()));
        InboundMessage message = new InboundMessage(ChannelKind.TELEGRAM, Address.telegram(chatId),
                senderOf(m.getFrom(), m.getChat(), otherAddresses), externalId, content.text(), null, null, hint,
                content.attachments, when == null ? null : Instant.ofEpochSecond(when), false, false, content.refused);
        return Optional.of(edit ? message.asEdit() : message);
    }

    private void addMedia(Message m, Content content) throws UnprocessablePayloadException, IOException {
        if (m.getPhoto() != null && !m.getPhoto().isEmpty()) {
            PhotoSize largest = m.getPhoto().stream().max(Comparator
                    .comparing((PhotoSize p) -> p.getFileSize() == null ? 0 : p.getFileSize())
                    .thenComparing(p -> (long) nz(p.getWidth()) * nz(p.getHeight()))).orElseThrow();
            content.add(fetcher.fetch(new Media(largest.getFileId(), size(largest.getFileSize()), "photo.jpg", "image/jpeg")));
        }
        if (m.getDocument() != null) {
            var d = m.getDocument();
            content.add(fetcher.fetch(new Media(d.getFileId(), d.getFileSize(), nameOr(d.getFileName(), "document", d.getMimeType()), d.getMimeType())));
        }
        if (m.getVoice() != null) {
            var v = m.getVoice();
            content.add(fetcher.fetch(new Media(v.getFileId(), v.getFileSize(), nameOr(null, "voice", mime(v.getMimeType(), "audio/ogg")), mime(v.getMimeType(), "audio/ogg"))));
        }
        if (m.getAudio() != null) {
            var a = m.getAudio();
            content.add(fetcher.fetch(new Media(a.getFileId(), a.getFileSize(), nameOr(a.getFileName(), "audio", mime(a.getMimeType(), "audio/mpeg")), mime(a.getMimeType(), "audio/mpeg"))));
        }
        if (m.getVideo() != null) {
            var v = m.getVideo();
            content.add(fetcher.fetch(new Media(v.getFileId(), v.getFileSize(), nameOr(v.getFileName(), "video", mime(v.getMimeType(), "video/mp4")), mime(v.getMimeType(), "video/mp4"))));
        }
        if (m.getVideoNote() != null) {
            var v = m.getVideoNote();
            content.add(fetcher.fetch(new Media(v.getFileId(), size(v.getFileSize()), "video_note.mp4", "video/mp4")));
        }
        if (m.getSticker() != null) {
            addSticker(m.getSticker(), content);
        }
    }

    private void addSticker(Sticker s, Content content) throws UnprocessablePayloadException, IOException {
        content.addText(s.getEmoji() == null || s.getEmoji().isBlank() ? "(sticker)" : s.getEmoji());
        boolean animated = Boolean.TRUE.equals(s.getIsAnimated());
        boolean video = Boolean.TRUE.equals(s.getIsVideo());
        String name = animated ? "sticker.tgs" : video ? "sticker.webm" : "sticker.webp";
        String type = animated ? "application/x-tgsticker" : video ? "video/webm" : "image/webp";
        Fetched fetched = fetcher.fetch(new Media(s.getFileId(), size(s.getFileSize()), name, type), STICKER_MAX_BYTES);
        if (fetched.attachment() != null) {
            content.attachments.add(fetched.attachment());
        }
    }

    static SenderProfile senderOf(User user, Chat chat, List<Address> otherAddresses) {
        String name = user != null ? join(" ", user.getFirstName(), user.getLastName())
                : chat.getTitle() != null ? chat.getTitle() : join(" ", chat.getFirstName(), chat.getLastName());
        String language = user == null ? null : user.getLanguageCode();
        return new SenderProfile(name == null || name.isBlank() ? null : name, language, otherAddresses);
    }

    static String describeLocation(Location at) {
        String lat = String.format(Locale.ROOT, "%.5f", at.getLatitude());
        String lon = String.format(Locale.ROOT, "%.5f", at.getLongitude());
        return "Location: " + lat + ", " + lon + "\nhttps://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon
                + "#map=17/" + lat + "/" + lon;
    }

    private static String nameOr(String fileName, String base, String mimeType) {
        if (fileName != null && !fileName.isBlank()) {
            return fileName;
        }
        return base + extensionOf(mimeType);
    }

    private static String extensionOf(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        return switch (mimeType.toLowerCase(Locale.ROOT)) {
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg", "audio/mpeg3", "audio/mp3" -> ".mp3";
            case "audio/mp4", "audio/m4a", "audio/x-m4a" -> ".m4a";
            case "video/mp4" -> ".mp4";
            case "video/quicktime" -> ".mov";
            case "video/webm" -> ".webm";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }

    private static String mime(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }

    private static Long size(Integer size) {
        return size == null ? null : size.longValue();
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    static String join(String separator, String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).map(String::strip)
                .collect(Collectors.joining(separator));
    }

    /** Text pieces, attachments and refusals gathered from one message. */
    private static final class Content {
        private final List<String> texts = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<String> refused = new ArrayList<>();

        void addText(String text) {
            if (text != null && !text.isBlank()) {
                texts.add(text);
            }
        }

        void add(Fetched fetched) {
            if (fetched.attachment() != null) {
                attachments.add(fetched.attachment());
            } else {
                refused.add(fetched.refused());
            }
        }

        String text() {
            return String.join("\n\n", texts);
        }
    }
}
