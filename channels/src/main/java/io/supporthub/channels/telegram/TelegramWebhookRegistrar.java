package io.supporthub.channels.telegram;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/**
 * Tells Telegram where to push updates (webhook mode), or to stop pushing (before long polling). Failures do not
 * throw: they come back as a {@link Result} whose message says what to fix, and are logged.
 */
public final class TelegramWebhookRegistrar {

    /** The route the hub serves the webhook on, appended to PUBLIC_URL. */
    public static final String WEBHOOK_PATH = "/webhooks/telegram";
    /** The update kinds the channel handles: the rest are not even sent to us. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "my_chat_member");

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistrar.class);

    private final TelegramApiClient api;

    public TelegramWebhookRegistrar(TelegramApiClient api) {
        this.api = api;
    }

    /** @param ok whether Telegram accepted; {@code message} says what happened and, on failure, what to fix */
    public record Result(boolean ok, String message) {
    }

    /** Registers {@code publicUrl + /webhooks/telegram} with our secret and {@link #ALLOWED_UPDATES}. */
    public Result register(String publicUrl) {
        String url = stripSlash(publicUrl) + WEBHOOK_PATH;
        if (!url.startsWith("https://")) {
            return failed("Telegram only delivers webhooks to https URLs, and PUBLIC_URL gives " + url
                    + ": set PUBLIC_URL to the hub's public https address, or TELEGRAM_MODE=polling");
        }
        SetWebhook setWebhook = SetWebhook.builder().url(url).secretToken(api.settings().webhookSecret())
                .allowedUpdates(ALLOWED_UPDATES).build();
        try {
            api.execute(setWebhook);
            String message = "Telegram webhook registered at " + url;
            log.info(message);
            return new Result(true, message);
        } catch (TelegramCallException e) {
            return failed("Telegram refused the webhook " + url + ": " + e.description() + ". " + advice(e, true));
        }
    }

    /** Removes any webhook so getUpdates works; pending updates are kept. */
    public Result deleteWebhook() {
        try {
            api.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
            return new Result(true, "Telegram webhook removed: updates are fetched by long polling");
        } catch (TelegramCallException e) {
            return failed("Could not remove the Telegram webhook before polling: " + e.description() + ". " + advice(e, false));
        }
    }

    private static Result failed(String message) {
        log.error(message);
        return new Result(false, message);
    }

    private String advice(TelegramCallException e, boolean webhook) {
        return switch (e.errorCode()) {
            case 0 -> "Telegram could not be reached at " + api.settings().apiUrl()
                    + ": check the network, a proxy, or TELEGRAM_API_URL";
            case 401, 404 -> "Telegram does not know this bot token: check TELEGRAM_BOT_TOKEN (from @BotFather)";
            case 429 -> "Telegram asks to wait " + e.retryAfter() + " s: the hub will try again at its next start";
            case 400 -> webhook
                    ? "Check that PUBLIC_URL is the hub's public https address with a valid certificate, on port 443, 80, 88 or 8443"
                    : "Check the bot token and TELEGRAM_API_URL";
            default -> "Try again later; if it persists, check Telegram's status";
        };
    }

    private static String stripSlash(String url) {
        String u = url == null ? "" : url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
