package io.supporthub.hub.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An unparseable Telegram update is kept aside as received: its exact bytes and content type, no secret header. */
class KeptAsideTelegramTest {

    static FakeTelegramBotApi telegram;
    static TestHub hub;

    @BeforeAll
    static void start() throws IOException {
        telegram = FakeTelegramBotApi.start();
        hub = TestHub.telegramWebhook(telegram);
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
        telegram.close();
    }

    @Test
    void unparseableUpdate_isKeptWithItsExactBytesAndContentType_andWithoutTheSecretHeaders() throws Exception {
        String update = "{\"update_id\":  9101,\n \"poll\": {\"id\": \"é-5\", \"question\": \"?\"}}";
        TestHub.Response response = hub.request("POST", "/webhooks/telegram", update,
                Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET, "Authorization", "Bearer nope",
                        "X-Api-Key", "k", "X-Trace", "t-1"));
        assertThat(response.status()).isEqualTo(200);

        Map<String, Object> row = hub.app.transactions().read(handle -> handle.createQuery(
                        "select body, content_type, headers::text as headers, verified, source from unprocessed_payload "
                                + "where payload like '%9101%'").mapToMap().one());
        assertThat((byte[]) row.get("body")).isEqualTo(update.getBytes(StandardCharsets.UTF_8));
        assertThat(row.get("content_type")).isEqualTo("application/json");
        assertThat(row.get("verified")).isEqualTo(true);
        assertThat(row.get("source")).isEqualTo("/webhooks/telegram");
        JsonNode headers = Json.MAPPER.readTree((String) row.get("headers"));
        assertThat(headers.get("X-Trace").asText()).isEqualTo("t-1");
        assertThat(headers.toString().toLowerCase())
                .doesNotContain("secret-token", "authorization", "x-api-key", "cookie", FakeTelegramBotApi.SECRET.toLowerCase());
    }
}
