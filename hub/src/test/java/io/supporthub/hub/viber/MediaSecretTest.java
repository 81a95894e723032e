package io.supporthub.hub.viber;

import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.viber.SignedMediaUrls;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MediaSecretTest {

    private static final Pattern SIGNED = Pattern.compile("/media/(\\d+)/(\\d+)/[^?]+\\?expires=(\\d+)&sig=([0-9a-f]+)");

    @Test
    void withoutMediaUrlSecret_oneKeyIsGeneratedInTheDatabase_sharedByNodes_andNotTheProvidersToken() {
        try (TestHub hub = new TestHub()) {
            Config node = new Config(Map.of("VIBER_AUTH_TOKEN", "viber-token-of-the-bot"));
            byte[] first = MediaSecret.from(node, hub.app.transactions(), hub.clock);
            byte[] second = MediaSecret.from(node, hub.app.transactions(), hub.clock);
            assertThat(first).hasSize(32).isEqualTo(second);
            assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("viber-token-of-the-bot");
            String stored = hub.app.transactions().read(handle -> handle.createQuery(
                    "select value #>> '{}' from setting where key = :key").bind("key", MediaSecret.SETTING).mapTo(String.class).one());
            assertThat(stored).isNotBlank();

            SignedMediaUrls signing = urls(first, hub);
            SignedMediaUrls otherNode = urls(second, hub);
            OutboundMessage message = new OutboundMessage(41, Address.viber("vb-1"), "", null, null, null, null,
                    List.of(), List.of(), null);
            Matcher link = SIGNED.matcher(signing.urlFor(message, 0,
                    new Attachment("bill.pdf", "application/pdf", new byte[] {1}, false, null)).toString());
            assertThat(link.find()).isTrue();
            long expires = Long.parseLong(link.group(3));
            assertThat(otherNode.verify(41, 0, expires, link.group(4))).as("another node accepts it").isTrue();
            hub.clock.advance(Duration.ofDays(8));
            assertThat(otherNode.verify(41, 0, expires, link.group(4))).as("links expire").isFalse();
        }
    }

    @Test
    void aConfiguredSecret_isUsedAsGiven() {
        try (TestHub hub = new TestHub()) {
            byte[] secret = MediaSecret.from(new Config(Map.of("MEDIA_URL_SECRET", "sixteen-chars-at-least")),
                    hub.app.transactions(), hub.clock);
            assertThat(new String(secret, StandardCharsets.UTF_8)).isEqualTo("sixteen-chars-at-least");
        }
    }

    private static SignedMediaUrls urls(byte[] secret, TestHub hub) {
        return new SignedMediaUrls(URI.create("http://hub.example/media"), secret, ViberChannel.MEDIA_LINK_LIFETIME, hub.clock);
    }
}
