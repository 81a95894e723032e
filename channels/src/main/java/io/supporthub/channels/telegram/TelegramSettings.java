package io.supporthub.channels.telegram;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How the hub talks to its Telegram bot.
 *
 * @param token         the bot token from @BotFather
 * @param webhookSecret the secret Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token}; required in webhook mode
 * @param mode          webhook (Telegram pushes to {@code PUBLIC_URL/webhooks/telegram}) or long polling (one node)
 * @param apiUrl        the Bot API base URL, scheme://host[:port] without a path
 * @param allowGroups   whether messages from groups, supergroups and channels are taken; off by default
 * @param maxFileBytes  the largest file fetched from Telegram; the Bot API itself serves files up to 20 MB
 */
public record TelegramSettings(String token, String webhookSecret, Mode mode, String apiUrl, boolean allowGroups,
                               long maxFileBytes) {

    public static final String DEFAULT_API_URL = "https://api.telegram.org";
    /** The Bot API's getFile limit: larger files cannot be downloaded by bots. */
    public static final long BOT_API_DOWNLOAD_LIMIT = 20L * 1024 * 1024;
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public enum Mode {
        WEBHOOK, POLLING;

        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("TELEGRAM_MODE must be 'webhook' or 'polling', not '" + value + "'", e);
            }
        }

        /** CONTRACT.md: webhook when the hub is reachable over https, else polling. */
        public static Mode defaultFor(String publicUrl) {
            return publicUrl != null && publicUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://") ? WEBHOOK : POLLING;
        }
    }

    public TelegramSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is empty: get a token from @BotFather");
        }
        token = token.strip();
        Objects.requireNonNull(mode, "mode");
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret.strip();
        if (mode == Mode.WEBHOOK && webhookSecret == null) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET is required in webhook mode "
                    + "(1-256 characters A-Z, a-z, 0-9, _ and -), or set TELEGRAM_MODE=polling");
        }
        if (webhookSecret != null && !SECRET.matcher(webhookSecret).matches()) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET may only hold 1-256 characters A-Z, a-z, 0-9, _ and -"
                    + " (Telegram's rule for secret_token)");
        }
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : stripTrailingSlash(apiUrl.strip());
        telegramUrl(apiUrl);
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
        }
    }

    /** Token and secret for the given public URL, every other setting at its default. */
    public static TelegramSettings of(String token, String webhookSecret, String publicUrl) {
        return new TelegramSettings(token, webhookSecret, Mode.defaultFor(publicUrl), DEFAULT_API_URL, false,
                BOT_API_DOWNLOAD_LIMIT);
    }

    /**
     * Reads TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_MODE, TELEGRAM_API_URL, TELEGRAM_ALLOW_GROUPS and
     * MAX_ATTACHMENT_MB (capped at the Bot API's 20 MB).
     *
     * @return empty when no token is set: the channel is off
     */
    public static Optional<TelegramSettings> fromEnvironment(Function<String, String> env, String publicUrl) {
        String token = env.apply("TELEGRAM_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String modeValue = env.apply("TELEGRAM_MODE");
        Mode mode = modeValue == null || modeValue.isBlank() ? Mode.defaultFor(publicUrl) : Mode.parse(modeValue);
        String maxMb = env.apply("MAX_ATTACHMENT_MB");
        long maxBytes = BOT_API_DOWNLOAD_LIMIT;
        if (maxMb != null && !maxMb.isBlank()) {
            try {
                maxBytes = Math.min(BOT_API_DOWNLOAD_LIMIT, Long.parseLong(maxMb.strip()) * 1024 * 1024);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MAX_ATTACHMENT_MB must be a whole number of megabytes, not '" + maxMb + "'", e);
            }
        }
        return Optional.of(new TelegramSettings(token, env.apply("TELEGRAM_WEBHOOK_SECRET"), mode,
                env.apply("TELEGRAM_API_URL"), Boolean.parseBoolean(env.apply("TELEGRAM_ALLOW_GROUPS")), maxBytes));
    }

    public TelegramSettings withAllowGroups(boolean allow) {
        return new TelegramSettings(token, webhookSecret, mode, apiUrl, allow, maxFileBytes);
    }

    public TelegramSettings withMaxFileBytes(long bytes) {
        return new TelegramSettings(token, webhookSecret, mode, apiUrl, allowGroups, bytes);
    }

    /** The base URL in the form telegrambots-client wants. */
    public TelegramUrl telegramUrl() {
        return telegramUrl(apiUrl);
    }

    private static TelegramUrl telegramUrl(String apiUrl) {
        URI uri;
        try {
            uri = URI.create(apiUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL: " + apiUrl, e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://api.telegram.org, not " + apiUrl);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty()) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must not have a path (the client adds /bot<token>/...): "
                    + apiUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Never prints the token or the secret. */
    @Override
    public String toString() {
        return "TelegramSettings[mode=" + mode + ", apiUrl=" + apiUrl + ", allowGroups=" + allowGroups
                + ", maxFileBytes=" + maxFileBytes + ", token=***, webhookSecret=" + (webhookSecret == null ? "none" : "***") + "]";
    }
}
