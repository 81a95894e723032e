package io.supporthub.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.OutboundMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedMediaUrlsTest {

    private static final byte[] SECRET = "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final SignedMediaUrls urls = new SignedMediaUrls(URI.create("https://hub.example/media/"), SECRET,
            Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
    private final OutboundMessage message = OutboundMessage.text(42, Address.viber("u="), "see attached");
    private final Attachment photo = Attachment.of("my photo.jpg", "image/jpeg", new byte[] {1});

    @Test
    void url_endsWithTheFileName_andCarriesExpiryAndSignature() {
        URI url = urls.urlFor(message, 1, photo);
        assertThat(url.getPath()).isEqualTo("/media/42/1/my photo.jpg");
        Map<String, String> query = query(url);
        assertThat(Long.parseLong(query.get("expires"))).isEqualTo(NOW.plus(Duration.ofDays(7)).getEpochSecond());
        assertThat(urls.verify(42, 1, Long.parseLong(query.get("expires")), query.get("sig"))).isTrue();
    }

    @Test
    void anotherMessageOrIndex_doesNotVerify() {
        Map<String, String> query = query(urls.urlFor(message, 0, photo));
        long expires = Long.parseLong(query.get("expires"));
        assertThat(urls.verify(43, 0, expires, query.get("sig"))).isFalse();
        assertThat(urls.verify(42, 1, expires, query.get("sig"))).isFalse();
        assertThat(urls.verify(42, 0, expires + 1, query.get("sig"))).isFalse();
        assertThat(urls.verify(42, 0, expires, "zz")).isFalse();
    }

    @Test
    void expiredUrl_doesNotVerify() {
        Map<String, String> query = query(urls.urlFor(message, 0, photo));
        SignedMediaUrls later = new SignedMediaUrls(URI.create("https://hub.example/media"), SECRET,
                Duration.ofDays(7), Clock.fixed(NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC));
        assertThat(later.verify(42, 0, Long.parseLong(query.get("expires")), query.get("sig"))).isFalse();
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }
}
