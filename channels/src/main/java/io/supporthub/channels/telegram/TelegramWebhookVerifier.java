package io.supporthub.channels.telegram;

import io.supporthub.channels.SignatureCheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Checks the secret Telegram sends with every webhook call in {@value #HEADER}, the one we gave in setWebhook.
 * The comparison takes the same time however much of a wrong secret matches.
 */
public final class TelegramWebhookVerifier {

    public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] secret;

    public TelegramWebhookVerifier(String webhookSecret) {
        Objects.requireNonNull(webhookSecret, "webhookSecret (TELEGRAM_WEBHOOK_SECRET) is required for the webhook");
        this.secret = webhookSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** @param headerValue the request's {@value #HEADER} header, null when absent */
    public SignatureCheck check(String headerValue) {
        if (headerValue == null || headerValue.isEmpty()) {
            return SignatureCheck.MISSING;
        }
        return MessageDigest.isEqual(secret, headerValue.getBytes(StandardCharsets.UTF_8)) ? SignatureCheck.VALID
                : SignatureCheck.INVALID;
    }
}
