package io.supporthub.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.channels.OutboundMessage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViberSettingsTest {

    @Test
    void defaults_areTheRealApiAnd20Megabytes() {
        ViberSettings settings = ViberSettings.of("sekret-token-1", "Support", URI.create("https://hub.example/"));
        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://chatapi.viber.com/pa"));
        assertThat(settings.maxFileBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(settings.webhookUrl()).isEqualTo(URI.create("https://hub.example/webhooks/viber"));
        assertThat(settings.method("send_message")).isEqualTo(URI.create("https://chatapi.viber.com/pa/send_message"));
        assertThat(settings.toString()).doesNotContain("sekret-token-1").contains("authToken=***");
    }

    @Test
    void environmentWithoutToken_turnsTheChannelOff() {
        assertThat(ViberSettings.fromEnvironment(Map.of("VIBER_BOT_NAME", "x"), URI.create("https://h"), 0)).isEmpty();
    }

    @Test
    void environment_givesTokenNameAvatarAndApiUrl() {
        ViberSettings settings = ViberSettings.fromEnvironment(Map.of("VIBER_AUTH_TOKEN", "tok",
                "VIBER_BOT_NAME", "Acme", "VIBER_BOT_AVATAR", "https://h/a.png", "VIBER_API_URL", "http://127.0.0.1:9/pa"),
                URI.create("https://h"), 5_000_000).orElseThrow();
        assertThat(settings.authToken()).isEqualTo("tok");
        assertThat(settings.botName()).isEqualTo("Acme");
        assertThat(settings.botAvatar()).isEqualTo(URI.create("https://h/a.png"));
        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9/pa"));
        assertThat(settings.maxFileBytes()).isEqualTo(5_000_000);
    }

    @Test
    void botNameLongerThan28Characters_isRefusedClearly() {
        assertThatThrownBy(() -> ViberSettings.of("t", "A very long support bot name here", URI.create("https://h")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 28");
    }

    @Test
    void welcomeOverTheTextLimit_isRefused() {
        ViberWelcome welcome = new ViberWelcome(ViberSettings.of("t", "Support", URI.create("https://h")));
        assertThatThrownBy(() -> welcome.responseBody("x".repeat(7001), List.<OutboundMessage.Button>of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7000");
    }
}
