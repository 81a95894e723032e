package io.supporthub.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.supporthub.channels.telegram.TelegramSettings.Mode;

class TelegramSettingsTest {

    @Test
    void httpsPublicUrl_defaultsToWebhook_httpToPolling() {
        assertThat(Mode.defaultFor("https://support.example.com")).isEqualTo(Mode.WEBHOOK);
        assertThat(Mode.defaultFor("http://localhost:8080")).isEqualTo(Mode.POLLING);
        assertThat(Mode.defaultFor(null)).isEqualTo(Mode.POLLING);
    }

    @Test
    void environment_withoutToken_turnsTheChannelOff() {
        assertThat(TelegramSettings.fromEnvironment(Map.<String, String>of()::get, "https://x.example")).isEmpty();
    }

    @Test
    void environment_givesDefaults() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:abc", "TELEGRAM_WEBHOOK_SECRET", "s3cret");
        TelegramSettings settings = TelegramSettings.fromEnvironment(env::get, "https://support.example.com").orElseThrow();

        assertThat(settings.mode()).isEqualTo(Mode.WEBHOOK);
        assertThat(settings.apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(settings.allowGroups()).isFalse();
        assertThat(settings.maxFileBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(settings.telegramUrl().getHost()).isEqualTo("api.telegram.org");
        assertThat(settings.telegramUrl().getPort()).isEqualTo(443);
    }

    @Test
    void environment_explicitModeAndUrl_win() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:abc", "TELEGRAM_MODE", "polling",
                "TELEGRAM_API_URL", "http://127.0.0.1:9999/", "TELEGRAM_ALLOW_GROUPS", "true", "MAX_ATTACHMENT_MB", "5");
        TelegramSettings settings = TelegramSettings.fromEnvironment(env::get, "https://support.example.com").orElseThrow();

        assertThat(settings.mode()).isEqualTo(Mode.POLLING);
        assertThat(settings.apiUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(settings.telegramUrl().getPort()).isEqualTo(9999);
        assertThat(settings.allowGroups()).isTrue();
        assertThat(settings.maxFileBytes()).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void attachmentLimitAboveTwentyMegabytes_isCappedAtTheBotApiLimit() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:abc", "MAX_ATTACHMENT_MB", "100");
        assertThat(TelegramSettings.fromEnvironment(env::get, null).orElseThrow().maxFileBytes())
                .isEqualTo(TelegramSettings.BOT_API_DOWNLOAD_LIMIT);
    }

    @Test
    void webhookMode_withoutSecret_isRefusedWithWhatToSet() {
        assertThatThrownBy(() -> TelegramSettings.of("1:abc", null, "https://support.example.com"))
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
    }

    @Test
    void secretWithCharactersTelegramRefuses_isRejected() {
        assertThatThrownBy(() -> TelegramSettings.of("1:abc", "not allowed!", "https://x.example"))
                .hasMessageContaining("A-Z");
    }

    @Test
    void unknownMode_isRejected() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:abc", "TELEGRAM_MODE", "push");
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(env::get, null)).hasMessageContaining("TELEGRAM_MODE");
    }

    @Test
    void toString_hidesTokenAndSecret() {
        TelegramSettings settings = TelegramSettings.of("1:very-secret-token", "hush", "https://x.example");
        assertThat(settings.toString()).doesNotContain("very-secret-token").doesNotContain("hush");
    }
}
