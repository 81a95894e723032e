package io.supporthub.channels.telegram;

import io.supporthub.channels.AddressKind;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.channels.TextSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends one {@link OutboundMessage} to a Telegram chat: the text (as plain text, no parse_mode, so Markdown or HTML
 * in it shows literally) cut into pieces of at most 4096 characters, then each attachment (images as photos, the
 * rest as documents); the inline keyboard made of the message's buttons goes on the last message sent.
 *
 * <p>The provider id returned is {@code chatId:messageId} of the <b>first</b> Telegram message sent. Each piece and
 * each file is a part told to the {@link Progress} as Telegram accepts it; a message whose first parts went out in an
 * earlier attempt ({@link OutboundMessage#deliveredParts()}) is sent from the next part on, and its provider id is
 * still its first part's.
 *
 * <p>Errors: 429 waits {@code retry_after} and tries again when that is at most {@code maxRetryWait}, else
 * {@link SendException#rateLimited}; 403 {@link SendException#unreachable} ("blocked the bot: ..."); 400
 * {@link SendException#fatal} with Telegram's description; 5xx, an unknown token and network failures retryable.
 */
public final class TelegramSender implements OutboundSender {

    public static final int MAX_TEXT = 4096;
    /** Telegram's limit, a break just past it counting, at any whitespace. */
    private static final TextSplitter TEXT_PIECES = new TextSplitter(MAX_TEXT);
    public static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    private static final int MAX_RATE_LIMIT_RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    /** Waits; the default is {@link Thread#sleep}. Tests pass one that records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final TelegramApiClient api;
    private final Duration maxRetryWait;
    private final Sleeper sleeper;

    public TelegramSender(TelegramApiClient api) {
        this(api, Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
    }

    public TelegramSender(TelegramApiClient api, Duration maxRetryWait, Sleeper sleeper) {
        this.api = api;
        this.maxRetryWait = maxRetryWait;
        this.sleeper = sleeper;
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        return send(message, Progress.NONE);
    }

    @Override
    public SendResult send(OutboundMessage message, Progress progress) throws SendException {
        if (message.to().kind() != AddressKind.TELEGRAM) {
            throw SendException.fatal("not a Telegram chat: " + message.to());
        }
        String chatId = message.to().value();
        InlineKeyboardMarkup keyboard = keyboard(message.buttons());
        List<String> pieces = TEXT_PIECES.split(message.text().strip());
        int total = pieces.size() + message.attachments().size();
        if (total == 0) {
            throw SendException.fatal("nothing to send: the message has no text and no attachment");
        }
        List<Call<Message>> parts = new ArrayList<>();
        for (String piece : pieces) {
            SendMessage method = new SendMessage(chatId, piece);
            method.setReplyMarkup(parts.size() == total - 1 ? keyboard : null);
            parts.add(() -> api.execute(method));
        }
        for (Attachment attachment : message.attachments()) {
            InlineKeyboardMarkup markup = parts.size() == total - 1 ? keyboard : null;
            parts.add(() -> sendFile(chatId, attachment, markup));
        }
        List<String> ids = new ArrayList<>(message.deliveredParts());
        for (int part = ids.size(); part < parts.size(); part++) {
            Message sent = call(parts.get(part));
            String id = sent.getChatId() + ":" + sent.getMessageId();
            ids.add(id);
            progress.partSent(part, id);
        }
        return SendResult.sent(ids.get(0));
    }

    /**
     * Answers a button press so the customer's client stops its spinner. Call it after the press is committed.
     *
     * @param callbackQueryId the ButtonPress's external id ({@code cb:<id>}) or Telegram's bare id
     * @param text            a short notice shown to the customer, or null
     */
    public void answerCallbackQuery(String callbackQueryId, String text) throws SendException {
        String id = callbackQueryId.startsWith("cb:") ? callbackQueryId.substring(3) : callbackQueryId;
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(id).text(text).build();
        call(() -> api.execute(answer));
    }

    private Message sendFile(String chatId, Attachment attachment, InlineKeyboardMarkup keyboard) throws TelegramCallException {
        InputFile file = new InputFile(new ByteArrayInputStream(attachment.content()), attachment.fileName());
        String type = attachment.contentType().toLowerCase(Locale.ROOT);
        if ((type.equals("image/jpeg") || type.equals("image/png")) && attachment.size() <= MAX_PHOTO_BYTES) {
            SendPhoto photo = new SendPhoto(chatId, file);
            photo.setReplyMarkup(keyboard);
            return api.execute(photo);
        }
        SendDocument document = new SendDocument(chatId, file);
        document.setReplyMarkup(keyboard);
        return api.execute(document);
    }

    static InlineKeyboardMarkup keyboard(List<OutboundMessage.Button> buttons) throws SendException {
        if (buttons.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (OutboundMessage.Button button : buttons) {
            if (button.label() == null || button.label().isBlank()) {
                throw SendException.fatal("a Telegram button needs a label");
            }
            if (button.data() == null || button.data().isEmpty()
                    || button.data().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA_BYTES) {
                throw SendException.fatal("button '" + button.label() + "': Telegram's callback data must be 1-"
                        + MAX_CALLBACK_DATA_BYTES + " bytes, got '" + button.data() + "'");
            }
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build()));
        }
        return new InlineKeyboardMarkup(rows);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws TelegramCallException;
    }

    private <T> T call(Call<T> call) throws SendException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (TelegramCallException e) {
                Duration wait = e.retryAfter() == null ? Duration.ofSeconds(1) : Duration.ofSeconds(e.retryAfter());
                if (e.errorCode() == 429 && wait.compareTo(maxRetryWait) <= 0 && attempt <= MAX_RATE_LIMIT_RETRIES) {
                    log.info("Telegram asks to wait {} s before sending again (attempt {})", wait.toSeconds(), attempt);
                    sleep(wait);
                    continue;
                }
                throw toSendException(e);
            }
        }
    }

    private void sleep(Duration wait) throws SendException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendException.retryable("interrupted while waiting for Telegram's rate limit", e);
        }
    }

    static SendException toSendException(TelegramCallException e) {
        int code = e.errorCode();
        String description = e.description();
        if (code == 429) {
            return SendException.rateLimited("Telegram rate limit: " + description,
                    Duration.ofSeconds(e.retryAfter() == null ? 1 : e.retryAfter()));
        }
        if (code == 403) {
            return SendException.unreachable("blocked the bot: " + description);
        }
        if (code == 400) {
            return SendException.fatal(description);
        }
        if (code == 401 || code == 404) {
            return SendException.retryable("Telegram does not accept the bot token (" + code + " " + description
                    + "): check TELEGRAM_BOT_TOKEN", e);
        }
        if (code == 0 || code >= 500) {
            return SendException.retryable(e.getMessage(), e);
        }
        return SendException.fatal("Telegram answered " + code + ": " + description);
    }
}
