package io.supporthub.hub.viber;

import io.supporthub.hub.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs the media links handed to providers ({@code MEDIA_URL_SECRET}). Without it, a key derived from
 * the Viber auth token (the same on every node that shares the token), else a random one that lasts until restart.
 */
final class MediaSecret {

    private static final Logger log = LoggerFactory.getLogger(MediaSecret.class);
    static final int MIN_LENGTH = 16;

    private MediaSecret() {
    }

    static byte[] from(Config config, Optional<String> viberAuthToken) {
        Optional<String> configured = config.get("MEDIA_URL_SECRET");
        if (configured.isPresent()) {
            byte[] secret = configured.get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_LENGTH) {
                throw new IllegalArgumentException("MEDIA_URL_SECRET must have at least " + MIN_LENGTH + " characters");
            }
            return secret;
        }
        if (viberAuthToken.isPresent()) {
            return hmac(viberAuthToken.get().getBytes(StandardCharsets.UTF_8), "supporthub media links");
        }
        log.warn("MEDIA_URL_SECRET is not set: media links are signed with a random key until restart; "
                + "with more than one hub node, set MEDIA_URL_SECRET to the same value on every node");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
