package io.supporthub.channels.viber;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the hub reaches its Viber bot.
 *
 * @param authToken    the bot's token (Viber admin panel), sent as {@code X-Viber-Auth-Token} and the key of the
 *                     callback signatures
 * @param botName      the sender name shown on every message we send (Viber allows at most 28 characters)
 * @param botAvatar    URL of the sender avatar shown on our messages, or null
 * @param apiUrl       Viber's REST API base, {@value #DEFAULT_API_URL} unless a test points it at a fake
 * @param publicUrl    the URL Viber reaches the hub at ({@code PUBLIC_URL}); the webhook is {@link #webhookUrl()}
 * @param maxFileBytes the largest inbound file we fetch ({@code MAX_ATTACHMENT_MB}); larger ones are refused
 */
public record ViberSettings(String authToken, String botName, URI botAvatar, URI apiUrl, URI publicUrl,
                            long maxFileBytes) {

    public static final String DEFAULT_API_URL = "https://chatapi.viber.com/pa";
    public static final String WEBHOOK_PATH = "/webhooks/viber";
    public static final int MAX_SENDER_NAME = 28;
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    public ViberSettings {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("the Viber auth token is empty (VIBER_AUTH_TOKEN)");
        }
        authToken = authToken.strip();
        if (botName == null || botName.isBlank()) {
            throw new IllegalArgumentException("the Viber bot name is empty (VIBER_BOT_NAME): Viber shows it on every message");
        }
        botName = botName.strip();
        if (botName.length() > MAX_SENDER_NAME) {
            throw new IllegalArgumentException("the Viber bot name '" + botName + "' has " + botName.length()
                    + " characters; Viber allows at most " + MAX_SENDER_NAME);
        }
        apiUrl = apiUrl == null ? URI.create(DEFAULT_API_URL) : apiUrl;
        Objects.requireNonNull(publicUrl, "publicUrl");
        maxFileBytes = maxFileBytes <= 0 ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
    }

    /** Settings with the real API URL, no avatar and the default 20 MB file limit. */
    public static ViberSettings of(String authToken, String botName, URI publicUrl) {
        return new ViberSettings(authToken, botName, null, null, publicUrl, DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Reads {@code VIBER_AUTH_TOKEN}, {@code VIBER_BOT_NAME}, {@code VIBER_BOT_AVATAR} and {@code VIBER_API_URL}.
     *
     * @return empty when no auth token is set: the Viber channel is off
     */
    public static Optional<ViberSettings> fromEnvironment(Map<String, String> env, URI publicUrl, long maxFileBytes) {
        String token = env.get("VIBER_AUTH_TOKEN");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String avatar = env.get("VIBER_BOT_AVATAR");
        String api = env.get("VIBER_API_URL");
        return Optional.of(new ViberSettings(token, env.getOrDefault("VIBER_BOT_NAME", "Support"),
                avatar == null || avatar.isBlank() ? null : URI.create(avatar.strip()),
                api == null || api.isBlank() ? null : URI.create(api.strip()),
                publicUrl, maxFileBytes));
    }

    /** {@code publicUrl + /webhooks/viber}, the URL registered with set_webhook. */
    public URI webhookUrl() {
        String base = publicUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + WEBHOOK_PATH);
    }

    /** The API URL of one method, e.g. {@code send_message}. */
    URI method(String name) {
        String base = apiUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + name);
    }

    @Override
    public String toString() {
        return "ViberSettings[botName=" + botName + ", apiUrl=" + apiUrl + ", publicUrl=" + publicUrl
                + ", maxFileBytes=" + maxFileBytes + ", authToken=***]";
    }
}
