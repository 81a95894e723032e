package io.supporthub.channels.viber;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.channels.AddressKind;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.channels.TextSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sends an {@link OutboundMessage} to a Viber user with send_message: the text (cut into parts of at most
 * {@value #MAX_TEXT} characters), then each attachment (JPEG, PNG and GIF up to 1 MB as pictures, the rest as files,
 * by the URL {@link AttachmentUrls} gives), the bot buttons as a keyboard on the last part. The provider id is the
 * last part's {@code message_token}: its delivered/seen callbacks mean the whole message arrived.
 *
 * <p>Each part is told to the {@link Progress} as Viber accepts it; a message whose first parts went out in an
 * earlier attempt ({@link OutboundMessage#deliveredParts()}) is sent from the next part on.
 */
public final class ViberSender implements OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(ViberSender.class);

    public static final int MAX_TEXT = 7000;
    /** Viber's limit, cut at a break that fits within it, at plain spaces only. */
    private static final TextSplitter TEXT_PARTS = new TextSplitter(MAX_TEXT).breakingWithinTheLimitOnly()
            .atPlainSpacesOnly();
    public static final long MAX_PICTURE_BYTES = 1024 * 1024;
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    public static final int MAX_FILE_NAME = 256;
    /** Viber allows about 100 messages to a user per hour without an answer: wait for that window to pass. */
    public static final Duration RATE_LIMIT_BACKOFF = Duration.ofHours(1);

    private static final Set<String> PICTURE_TYPES = Set.of("image/jpeg", "image/png", "image/gif");

    private final ViberApi api;
    private final AttachmentUrls urls;

    public ViberSender(ViberApi api, AttachmentUrls urls) {
        this.api = api;
        this.urls = urls;
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        return send(message, Progress.NONE);
    }

    @Override
    public SendResult send(OutboundMessage message, Progress progress) throws SendException {
        if (message.to().kind() != AddressKind.VIBER) {
            throw SendException.fatal("cannot send to " + message.to() + " on Viber: not a Viber user id");
        }
        List<ObjectNode> parts = parts(message);
        List<String> delivered = message.deliveredParts();
        String token = delivered.isEmpty() ? null : delivered.get(delivered.size() - 1);
        for (int i = delivered.size(); i < parts.size(); i++) {
            ViberResponse response = call(parts.get(i), message, i, parts.size());
            token = response.messageToken();
            progress.partSent(i, token);
        }
        if (token == null) {
            throw SendException.fatal("Viber accepted message " + message.messageId() + " but gave no message_token");
        }
        return SendResult.sent(token);
    }

    private List<ObjectNode> parts(OutboundMessage message) throws SendException {
        List<ObjectNode> parts = new ArrayList<>();
        for (String text : TEXT_PARTS.split(message.text())) {
            ObjectNode part = base(message);
            part.put("type", "text");
            part.put("text", text);
            parts.add(part);
        }
        List<Attachment> attachments = message.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            parts.add(attachment(message, i, attachments.get(i)));
        }
        if (parts.isEmpty()) {
            throw SendException.fatal("message " + message.messageId() + " has no text and no attachment to send on Viber");
        }
        if (!message.buttons().isEmpty()) {
            parts.get(parts.size() - 1).set("keyboard", ViberKeyboard.of(message.buttons()));
        }
        return parts;
    }

    private ObjectNode attachment(OutboundMessage message, int index, Attachment attachment) throws SendException {
        if (attachment.size() > MAX_FILE_BYTES) {
            throw SendException.fatal("attachment " + attachment.fileName() + " is "
                    + ViberMessageContent.describeSize(attachment.size()) + "; Viber sends files up to 50 MB");
        }
        ObjectNode part = base(message);
        String url = urls.urlFor(message, index, attachment).toString();
        if (PICTURE_TYPES.contains(attachment.contentType()) && attachment.size() <= MAX_PICTURE_BYTES) {
            part.put("type", "picture");
            part.put("text", "");
            part.put("media", url);
        } else {
            String name = attachment.fileName();
            part.put("type", "file");
            part.put("media", url);
            part.put("size", attachment.size());
            part.put("file_name", name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name);
        }
        return part;
    }

    private ObjectNode base(OutboundMessage message) {
        ObjectNode part = JsonNodeFactory.instance.objectNode();
        part.put("receiver", message.to().value());
        putSender(part, api.settings());
        return part;
    }

    /** The {@code sender} object Viber shows on a message: the bot's name and avatar. */
    static void putSender(ObjectNode body, ViberSettings settings) {
        ObjectNode sender = body.putObject("sender");
        sender.put("name", settings.botName());
        if (settings.botAvatar() != null) {
            sender.put("avatar", settings.botAvatar().toString());
        }
    }

    private ViberResponse call(ObjectNode part, OutboundMessage message, int index, int count) throws SendException {
        String which = count > 1 ? " (part " + (index + 1) + " of " + count + ")" : "";
        ViberResponse response;
        try {
            response = api.sendMessage(part);
        } catch (ViberHttpException e) {
            log.warn("Viber send_message for message {}{} failed: {}", message.messageId(), which, e.getMessage());
            if (e.retryable()) {
                throw SendException.retryable(e.getMessage(), e);
            }
            throw new SendException(e.getMessage(), false, null, false, e);
        } catch (IOException e) {
            log.warn("Viber could not be reached for message {}{}: {}", message.messageId(), which, e.toString());
            throw SendException.retryable("Viber could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendException.retryable("interrupted while sending to Viber", e);
        }
        if (!response.ok()) {
            SendException failure = ViberSendErrors.toException(response);
            log.warn("Viber refused message {}{} to {}: {}", message.messageId(), which, message.to(), failure.getMessage());
            throw failure;
        }
        return response;
    }
}
