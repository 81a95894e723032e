package io.supporthub.channels.viber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.ConversationStarted;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.DeliveryUpdate;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.channels.ReachabilityChange;
import io.supporthub.channels.SenderProfile;
import io.supporthub.channels.UnprocessablePayloadException;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/**
 * Turns the body of a Viber callback ({@code POST /webhooks/viber}, after {@link ViberSignatureVerifier}) into
 * channel events.
 *
 * <p>{@code message_token} is a 64-bit integer above 2^53: it is read from the JSON number's exact digits (or from
 * a string) and becomes the decimal string used as external id and provider id, so a redelivered callback carries
 * the same id. Media are fetched while parsing: a network failure there is an {@link IOException} (answer 5xx, Viber
 * retries for about an hour), never an unprocessable payload.
 */
public final class ViberCallbackParser {

    private final ObjectMapper json;
    private final ViberMessageContent content;
    private final Clock clock;

    /**
     * @param defaultPhoneRegion region for shared contacts written in national form ({@code DEFAULT_PHONE_REGION}),
     *                           or null
     * @throws IllegalArgumentException when the region is not a known one
     */
    public ViberCallbackParser(ViberSettings settings, MediaDownloader downloader, String defaultPhoneRegion,
                               Clock clock) {
        this.json = new ObjectMapper();
        this.content = new ViberMessageContent(downloader, settings.maxFileBytes(), new PhoneNumbers(defaultPhoneRegion));
        this.clock = clock;
    }

    /**
     * @param rawBody the callback body exactly as received
     * @return the events it carries: none for {@code webhook} (Viber's check of the URL)
     * @throws UnprocessablePayloadException the body can never be processed: acknowledge it and keep it aside
     * @throws IOException                   a passing failure (fetching media): answer 5xx so Viber retries
     */
    public List<ChannelEvent> parse(byte[] rawBody) throws UnprocessablePayloadException, IOException {
        JsonNode root = readJson(rawBody);
        JsonNode event = root.get("event");
        if (event == null || event.isNull()) {
            throw new UnprocessablePayloadException("request is missing field 'event'");
        }
        Instant at = timestamp(root.get("timestamp"));
        return switch (event.asText()) {
            case "message" -> List.of(message(root, at));
            case "conversation_started" -> List.of(new ConversationStarted(ChannelKind.VIBER,
                    userAddress(root.get("user"), "user"), profile(root.get("user"), List.of()), at));
            case "subscribed" -> List.of(new ReachabilityChange(ChannelKind.VIBER,
                    userAddress(root.get("user"), "user"), true, null, at));
            case "unsubscribed" -> List.of(new ReachabilityChange(ChannelKind.VIBER,
                    Address.viber(required(root, "user_id")), false, "unsubscribed from the bot", at));
            case "delivered" -> List.of(delivery(root, DeliveryState.DELIVERED, null, at));
            case "seen" -> List.of(delivery(root, DeliveryState.READ, null, at));
            case "failed" -> List.of(delivery(root, DeliveryState.FAILED, failure(root), at));
            case "webhook" -> List.of();
            default -> throw new UnprocessablePayloadException("unknown Viber event '" + event.asText() + "'");
        };
    }

    private InboundMessage message(JsonNode root, Instant at) throws UnprocessablePayloadException, IOException {
        JsonNode message = root.get("message");
        if (message == null || !message.isObject()) {
            throw new UnprocessablePayloadException("Viber message callback without a 'message' object");
        }
        Address from = userAddress(root.get("sender"), "sender");
        String externalId = messageToken(root);
        ViberMessageContent.Content read = content.read(message);
        return new InboundMessage(ChannelKind.VIBER, from, profile(root.get("sender"), read.revealed()), externalId,
                read.text(), null, null, null, read.attachments(), at, false, false, read.refused());
    }

    private DeliveryUpdate delivery(JsonNode root, DeliveryState state, String reason, Instant at)
            throws UnprocessablePayloadException {
        return new DeliveryUpdate(ChannelKind.VIBER, messageToken(root), state, reason, at);
    }

    private static String failure(JsonNode root) {
        JsonNode desc = root.get("desc");
        return "Viber could not deliver the message: "
                + (desc == null || desc.asText().isBlank() ? "no reason given" : desc.asText());
    }

    /** The token's exact decimal digits, from a JSON integer of any size or a string of digits. */
    static String messageToken(JsonNode root) throws UnprocessablePayloadException {
        JsonNode token = root.get("message_token");
        if (token == null || token.isNull()) {
            throw new UnprocessablePayloadException("request is missing field 'message_token'");
        }
        if (token.isIntegralNumber()) {
            return token.bigIntegerValue().toString();
        }
        if (token.isTextual() && token.asText().strip().matches("-?\\d+")) {
            return new BigInteger(token.asText().strip()).toString();
        }
        throw new UnprocessablePayloadException("'message_token' is not an integer: " + token);
    }

    private static Address userAddress(JsonNode user, String field) throws UnprocessablePayloadException {
        if (user == null || !user.isObject()) {
            throw new UnprocessablePayloadException("request is missing field '" + field + "'");
        }
        return Address.viber(required(user, "id"));
    }

    private static SenderProfile profile(JsonNode user, List<Address> revealed) {
        JsonNode name = user.get("name");
        JsonNode language = user.get("language");
        return new SenderProfile(name == null || name.isNull() ? null : name.asText(),
                language == null || language.isNull() || language.asText().isBlank() ? null : language.asText(),
                revealed);
    }

    private static String required(JsonNode node, String field) throws UnprocessablePayloadException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new UnprocessablePayloadException("request is missing field '" + field + "'");
        }
        return value.asText();
    }

    private Instant timestamp(JsonNode timestamp) {
        if (timestamp != null && timestamp.canConvertToLong()) {
            try {
                return Instant.ofEpochMilli(timestamp.asLong());
            } catch (DateTimeException outOfRange) {
                return clock.instant();
            }
        }
        return clock.instant();
    }

    private JsonNode readJson(byte[] rawBody) throws UnprocessablePayloadException {
        try {
            JsonNode root = json.readTree(rawBody);
            if (root == null || !root.isObject()) {
                throw new UnprocessablePayloadException("Viber callback body is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new UnprocessablePayloadException("Viber callback body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnprocessablePayloadException("Viber callback body could not be read: " + e.getMessage(), e);
        }
    }
}
