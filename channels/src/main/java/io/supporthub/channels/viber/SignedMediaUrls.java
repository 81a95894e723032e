package io.supporthub.channels.viber;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.OutboundMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Attachment URLs that need no login but cannot be guessed or reused for long:
 * {@code <base>/<messageId>/<index>/<fileName>?expires=<epoch seconds>&sig=<hex HMAC-SHA256>}, the signature covering
 * message id, index and expiry. The hub serves them with a route such as
 * {@code GET /media/{messageId}/{index}/{fileName}}: check {@link #verify}, then send the stored attachment (404 when
 * the check fails). Keep the secret in the hub's configuration so every node signs alike.
 */
public final class SignedMediaUrls implements AttachmentUrls {

    private final String base;
    private final byte[] secret;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param baseUrl  e.g. {@code PUBLIC_URL + "/media"}
     * @param secret   at least 16 bytes
     * @param lifetime how long a URL stays valid: Viber fetches the file when sending and again when a customer opens
     *                 it on another device, so days rather than minutes
     */
    public SignedMediaUrls(URI baseUrl, byte[] secret, Duration lifetime, Clock clock) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the media URL secret must have at least 16 bytes");
        }
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.secret = secret.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public URI urlFor(OutboundMessage message, int index, Attachment attachment) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String name = URLEncoder.encode(attachment.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(base + "/" + message.messageId() + "/" + index + "/" + name
                + "?expires=" + expires + "&sig=" + sign(message.messageId(), index, expires));
    }

    /** Whether a URL's parts were signed by us and have not expired. */
    public boolean verify(long messageId, int index, long expires, String sig) {
        if (sig == null || clock.instant().getEpochSecond() > expires) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(sig);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().parseHex(sign(messageId, index, expires)), given);
    }

    private String sign(long messageId, int index, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "/" + index + "/" + expires).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
