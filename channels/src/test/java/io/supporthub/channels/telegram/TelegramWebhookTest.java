package io.supporthub.channels.telegram;

import io.supporthub.channels.SignatureCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramWebhookTest {

    private FakeTelegramBotApi telegram;
    private TelegramApiClient api;

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramBotApi.start();
        api = new TelegramApiClient(telegram.settings());
    }

    @AfterEach
    void stop() {
        api.close();
        telegram.close();
    }

    @Test
    void missingSecret_gives401_wrongSecret_gives403_rightSecret_passes() {
        TelegramWebhookVerifier verifier = new TelegramWebhookVerifier("right-secret");

        assertThat(verifier.check(null)).isEqualTo(SignatureCheck.MISSING);
        assertThat(verifier.check(null).httpStatus()).isEqualTo(401);
        assertThat(verifier.check("wrong-secret")).isEqualTo(SignatureCheck.INVALID);
        assertThat(verifier.check("wrong-secret").httpStatus()).isEqualTo(403);
        assertThat(verifier.check("right-secre")).isEqualTo(SignatureCheck.INVALID);
        assertThat(verifier.check("right-secret")).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void register_setsUrlSecretAndTheUpdateKindsWeHandle() {
        TelegramWebhookRegistrar.Result result = new TelegramWebhookRegistrar(api).register("https://support.example.com/");

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(telegram.webhookUrl()).isEqualTo("https://support.example.com/webhooks/telegram");
        assertThat(telegram.webhookSecret()).isEqualTo(FakeTelegramBotApi.SECRET);
        assertThat(telegram.webhookAllowedUpdates())
                .isEqualTo("[\"message\",\"edited_message\",\"callback_query\",\"my_chat_member\"]");
    }

    @Test
    void registerRefusedByTelegram_saysWhatToFix() {
        telegram.failNext("setWebhook", 1, 400, "Bad Request: bad webhook: Failed to resolve host: Name or service not known");

        TelegramWebhookRegistrar.Result result = new TelegramWebhookRegistrar(api).register("https://nowhere.invalid");

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("Failed to resolve host").contains("PUBLIC_URL");
    }

    @Test
    void registerWithHttpPublicUrl_isNotTriedAndSuggestsPolling() {
        TelegramWebhookRegistrar.Result result = new TelegramWebhookRegistrar(api).register("http://localhost:8080");

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("https").contains("TELEGRAM_MODE=polling");
        assertThat(telegram.calls("setWebhook")).isEmpty();
    }

    @Test
    void wrongToken_isReportedAsSuch() throws Exception {
        try (TelegramApiClient wrong = new TelegramApiClient(new TelegramSettings("999:wrong", null,
                TelegramSettings.Mode.POLLING, telegram.baseUrl(), false, 1024))) {
            TelegramWebhookRegistrar.Result result = new TelegramWebhookRegistrar(wrong).deleteWebhook();

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("TELEGRAM_BOT_TOKEN");
        }
    }

    @Test
    void unreachableTelegram_isReportedWithTheUrl() {
        String url = telegram.baseUrl();
        telegram.close();

        TelegramWebhookRegistrar.Result result = new TelegramWebhookRegistrar(api).deleteWebhook();

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("could not be reached").contains(url);
    }

    @Test
    void deleteWebhook_removesIt() {
        new TelegramWebhookRegistrar(api).register("https://support.example.com");

        assertThat(new TelegramWebhookRegistrar(api).deleteWebhook().ok()).isTrue();
        assertThat(telegram.webhookUrl()).isNull();
    }
}
