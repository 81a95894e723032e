package io.supporthub.channels.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import io.supporthub.channels.Address;
import io.supporthub.channels.ButtonPress;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.ReachabilityChange;
import io.supporthub.channels.UnprocessablePayloadException;

/**
 * Turns the raw JSON of one Telegram update (a webhook body, one element of getUpdates) into channel events.
 *
 * <ul>
 *   <li>message, edited_message in a private chat: an {@code InboundMessage} (an edit keeps the external id
 *       {@code chatId:messageId} and has {@code edit} set), files fetched into attachments;</li>
 *   <li>callback_query: a {@link ButtonPress} with external id {@code cb:<id>}; answer it after commit with
 *       {@link TelegramSender#answerCallbackQuery};</li>
 *   <li>my_chat_member: {@link ReachabilityChange}, "kicked" = the customer blocked the bot, "member" = back;</li>
 *   <li>groups, supergroups and channels: nothing (logged at debug) unless {@code allowGroups};</li>
 *   <li>service messages (pins, chat changes): nothing.</li>
 * </ul>
 * Malformed JSON or a kind we do not handle throws {@link UnprocessablePayloadException}: acknowledge and keep
 * aside. A failure fetching a file throws an {@link IOException}: answer 5xx so Telegram retries.
 */
public final class TelegramUpdateParser {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateParser.class);

    private final ObjectMapper mapper;
    private final TelegramMessageMapper messages;
    private final boolean allowGroups;
    private final Clock clock;

    public TelegramUpdateParser(TelegramApiClient api) {
        this(api.mapper(), new TelegramMediaFetcher(api), api.settings().allowGroups(), Clock.systemUTC());
    }

    public TelegramUpdateParser(ObjectMapper mapper, TelegramMediaFetcher fetcher, boolean allowGroups, Clock clock) {
        this.mapper = mapper;
        this.messages = new TelegramMessageMapper(fetcher);
        this.allowGroups = allowGroups;
        this.clock = clock;
    }

    /**
     * One update as getUpdates gave it (or as it was kept aside), with its events or why it can never be processed.
     *
     * @throws IOException when one of its files cannot be fetched now: a passing failure
     */
    public FetchedPayload fetched(RawPayload update) throws IOException {
        return FetchedPayload.parse(update, raw -> parse(raw.bodyText()));
    }

    public List<ChannelEvent> parse(String rawJson) throws UnprocessablePayloadException, IOException {
        JsonNode tree;
        Update update;
        try {
            tree = mapper.readTree(rawJson);
            if (tree == null || !tree.isObject()) {
                throw new UnprocessablePayloadException("a Telegram update must be a JSON object");
            }
            update = mapper.treeToValue(tree, Update.class);
        } catch (JsonProcessingException e) {
            throw new UnprocessablePayloadException("not a Telegram update: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnprocessablePayloadException("not a Telegram update: " + e.getMessage(), e);
        }
        if (update.getUpdateId() == null) {
            throw new UnprocessablePayloadException("a Telegram update without update_id");
        }
        try {
            return dispatch(update, tree);
        } catch (NullPointerException e) {
            throw new UnprocessablePayloadException("Telegram update " + update.getUpdateId()
                    + " lacks a field every update of its kind has: " + e.getMessage(), e);
        }
    }

    private List<ChannelEvent> dispatch(Update update, JsonNode tree) throws UnprocessablePayloadException, IOException {
        if (update.getMessage() != null) {
            return message(update, update.getMessage(), tree.get("message"), false);
        }
        if (update.getEditedMessage() != null) {
            return message(update, update.getEditedMessage(), tree.get("edited_message"), true);
        }
        if (update.getChannelPost() != null) {
            return message(update, update.getChannelPost(), tree.get("channel_post"), false);
        }
        if (update.getEditedChannelPost() != null) {
            return message(update, update.getEditedChannelPost(), tree.get("edited_channel_post"), true);
        }
        if (update.getCallbackQuery() != null) {
            return buttonPress(update.getCallbackQuery());
        }
        if (update.getMyChatMember() != null) {
            return reachability(update.getUpdateId(), update.getMyChatMember());
        }
        List<String> kinds = new ArrayList<>();
        tree.fieldNames().forEachRemaining(kinds::add);
        kinds.remove("update_id");
        throw new UnprocessablePayloadException("Telegram update " + update.getUpdateId() + " is of a kind the hub does not"
                + " handle: " + (kinds.isEmpty() ? "(empty)" : String.join(", ", kinds)));
    }

    private List<ChannelEvent> message(Update update, Message m, JsonNode raw, boolean edit)
            throws UnprocessablePayloadException, IOException {
        if (ignored(update.getUpdateId(), m.getChat())) {
            return List.of();
        }
        return messages.map(m, raw, edit).<List<ChannelEvent>>map(List::of).orElseGet(() -> {
            log.debug("Telegram update {}: service message in chat {}, nothing to store", update.getUpdateId(), m.getChatId());
            return List.of();
        });
    }

    private List<ChannelEvent> buttonPress(CallbackQuery query) throws UnprocessablePayloadException {
        if (query.getData() == null) {
            throw new UnprocessablePayloadException("Telegram callback query " + query.getId()
                    + " has no data (a game or inline button we did not send)");
        }
        Chat chat = query.getMessage() == null ? null : query.getMessage().getChat();
        long chatId = chat != null ? chat.getId() : query.getFrom().getId();
        if (chat != null && ignored(null, chat)) {
            return List.of();
        }
        return List.of(new ButtonPress(ChannelKind.TELEGRAM, Address.telegram(chatId),
                TelegramMessageMapper.senderOf(query.getFrom(), chat, List.of()), "cb:" + query.getId(),
                query.getData(), clock.instant()));
    }

    private List<ChannelEvent> reachability(Integer updateId, ChatMemberUpdated change) {
        Chat chat = change.getChat();
        if (ignored(updateId, chat)) {
            return List.of();
        }
        String status = change.getNewChatMember().getStatus();
        Instant at = change.getDate() == null ? clock.instant() : Instant.ofEpochSecond(change.getDate());
        Address address = Address.telegram(chat.getId());
        boolean privateChat = "private".equals(chat.getType());
        return switch (status) {
            case "kicked", "left" -> List.of(new ReachabilityChange(ChannelKind.TELEGRAM, address, false,
                    privateChat ? "blocked the bot" : "removed the bot from the group", at));
            case "member", "administrator" -> List.of(new ReachabilityChange(ChannelKind.TELEGRAM, address, true, null, at));
            default -> {
                log.debug("Telegram update {}: bot's status in chat {} became {}, nothing to do", updateId, chat.getId(), status);
                yield List.of();
            }
        };
    }

    private boolean ignored(Integer updateId, Chat chat) {
        if ("private".equals(chat.getType()) || allowGroups) {
            return false;
        }
        log.debug("Telegram update {} ignored: it comes from a {} chat ({}) and groups are not allowed",
                updateId, chat.getType(), chat.getId());
        return true;
    }
}
