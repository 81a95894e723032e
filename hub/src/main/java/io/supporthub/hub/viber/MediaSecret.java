package io.supporthub.hub.viber;

import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.notification.SettingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that signs the media links handed to providers: {@code MEDIA_URL_SECRET}, or else a random key generated
 * once and kept in the database (the {@code setting} table), so every node signs alike and a restart breaks no link.
 * Never derived from a provider's token: whoever knows that token could otherwise forge links to any stored file.
 */
final class MediaSecret {

    private static final Logger log = LoggerFactory.getLogger(MediaSecret.class);
    static final int MIN_LENGTH = 16;
    static final String SETTING = "media_url_secret";
    private static final int GENERATED_BYTES = 32;

    private MediaSecret() {
    }

    static byte[] from(Config config, Transactions transactions, Clock clock) {
        Optional<String> configured = config.get("MEDIA_URL_SECRET");
        if (configured.isPresent()) {
            byte[] secret = configured.get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_LENGTH) {
                throw new IllegalArgumentException("MEDIA_URL_SECRET must have at least " + MIN_LENGTH + " characters");
            }
            return secret;
        }
        byte[] generated = new byte[GENERATED_BYTES];
        new java.security.SecureRandom().nextBytes(generated);
        String stored = transactions.inTransaction((handle, afterCommit) -> new SettingQueries(handle)
                .readOrCreate(SETTING, Base64.getEncoder().encodeToString(generated), clock.instant()).asText());
        log.info("MEDIA_URL_SECRET is not set: media links are signed with the key kept in the database");
        return Base64.getDecoder().decode(stored);
    }
}
