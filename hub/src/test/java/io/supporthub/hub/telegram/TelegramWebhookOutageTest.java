package io.supporthub.hub.telegram;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("serial")
class TelegramWebhookOutageTest {

    @Test
    void databaseDown_answers503_soTelegramRedelivers() throws Exception {
        try (FakeTelegramBotApi telegram = FakeTelegramBotApi.start();
             TestHub hub = new TestHub(Map.of("TELEGRAM_BOT_TOKEN", telegram.token(),
                     "TELEGRAM_WEBHOOK_SECRET", FakeTelegramBotApi.SECRET, "TELEGRAM_MODE", "webhook",
                     "TELEGRAM_API_URL", telegram.baseUrl()), false, Instant.parse("2026-11-02T09:00:00Z"),
                     Set.of(ChannelKind.TELEGRAM))) {
            hub.database.close();

            TestHub.Response response = hub.request("POST", "/webhooks/telegram", TelegramUpdates.text(1, 3001, 100, "Hello"),
                    Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET));

            assertThat(response.status()).isEqualTo(503);
        }
    }
}
