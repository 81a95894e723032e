package io.supporthub.hub.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's whole conversation with the bot on Telegram, through the webhook and the fake Bot API. */
class TelegramDialogueTest {

    static final long CHAT = 4242;
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

    private static void deliver(String update) {
        assertThat(hub.request("POST", "/webhooks/telegram", update,
                Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET)).status()).isEqualTo(200);
        hub.drainOutbox();
    }

    private static FakeTelegramBotApi.SentMessage lastToCustomer() {
        List<FakeTelegramBotApi.SentMessage> sent = telegram.messagesTo(CHAT);
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    @Test
    void startNewRequestAgentReplyResolveAndRate() {
        deliver(TelegramUpdates.text(1, CHAT, 101, "/start"));
        assertThat(lastToCustomer().replyMarkup()).contains("menu:new");

        deliver(TelegramUpdates.callback(2, CHAT, "q-1", "menu:new"));
        assertThat(telegram.calls("answerCallbackQuery")).isNotEmpty();

        deliver(TelegramUpdates.text(3, CHAT, 103, "My order 5512 is late"));
        Long ticketId = TelegramUpdates.ticketOf(hub, CHAT, 103);
        assertThat(ticketId).isNotNull();
        long number = hub.get("/api/tickets/" + ticketId).json().get("number").asLong();
        assertThat(lastToCustomer().text()).contains("#" + number);

        assertThat(hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "It ships tomorrow.")).status()).isEqualTo(201);
        hub.drainOutbox();
        assertThat(lastToCustomer().text()).isEqualTo("It ships tomorrow.");

        assertThat(hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved")).status()).isEqualTo(200);
        hub.drainOutbox();
        assertThat(lastToCustomer().replyMarkup()).contains("rate:" + ticketId + ":5");

        deliver(TelegramUpdates.callback(4, CHAT, "q-2", "rate:" + ticketId + ":5"));
        JsonNode ticket = hub.get("/api/tickets/" + ticketId).json();
        assertThat(ticket.get("rating").asInt()).isEqualTo(5);
        assertThat(ticket.get("status").asText()).isEqualTo("resolved");

        deliver(TelegramUpdates.text(5, CHAT, 105, "Quick and kind, thanks"));
        ticket = hub.get("/api/tickets/" + ticketId).json();
        assertThat(ticket.get("ratingComment").asText()).isEqualTo("Quick and kind, thanks");
        assertThat(ticket.get("status").asText()).as("a rating never reopens").isEqualTo("resolved");
    }

    @Test
    void aFileOverTheBotApiLimit_getsOnePoliteReply() {
        long chat = 5151;
        telegram.addFile("big-file", "documents/big.mp4", new byte[] {1, 2, 3}, 35L * 1024 * 1024);
        String update = """
                {"update_id": 77, "message": {"message_id": 300, "date": 1764320000,
                 "from": {"id": %d, "is_bot": false, "first_name": "Oleg", "language_code": "en"},
                 "chat": {"id": %d, "first_name": "Oleg", "type": "private"},
                 "document": {"file_id": "big-file", "file_unique_id": "u1", "file_name": "big.mp4",
                  "mime_type": "video/mp4", "file_size": 36700160}, "caption": "the video of the fault"}}"""
                .formatted(chat, chat);
        deliver(update);
        deliver(update);
        List<FakeTelegramBotApi.SentMessage> sent = telegram.messagesTo(chat);
        assertThat(sent.stream().filter(m -> m.text() != null && m.text().contains("big.mp4")).count()).isEqualTo(1);
        assertThat(sent.get(sent.size() - 1).text()).contains("did not reach us").contains("20 MB");
    }
}
