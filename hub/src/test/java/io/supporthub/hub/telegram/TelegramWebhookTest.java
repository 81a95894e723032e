package io.supporthub.hub.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramWebhookTest {

    static final long CUSTOMER_MESSAGE = 100;
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

    private static TestHub.Response deliver(String update) {
        return hub.request("POST", "/webhooks/telegram", update,
                Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET));
    }

    private static JsonNode ticket(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json();
    }

    /**
     * A customer's first message. Its message id is far from the fake's numbering of the bot's own messages (1, 2,
     * ...): in Telegram both sides of a private chat share one sequence, so they never collide.
     */
    private static long openTicket(long chatId, String text) {
        assertThat(deliver(TelegramUpdates.text(chatId * 10, chatId, CUSTOMER_MESSAGE, text)).status()).isEqualTo(200);
        return TelegramUpdates.ticketOf(hub, chatId, CUSTOMER_MESSAGE);
    }

    @Test
    void webhook_isRegisteredAtStart_withTheSecret() {
        assertThat(telegram.webhookUrl()).isEqualTo("https://hub.example.com/webhooks/telegram");
        assertThat(telegram.webhookSecret()).isEqualTo(FakeTelegramBotApi.SECRET);
    }

    @Test
    void missingSecret_is401_wrongSecret_is403_andNothingIsStored() {
        String update = TelegramUpdates.text(1, 1001, 1, "Let me in");
        assertThat(hub.request("POST", "/webhooks/telegram", update, Map.of()).status()).isEqualTo(401);
        assertThat(hub.request("POST", "/webhooks/telegram", update,
                Map.of(TelegramWebhookVerifier.HEADER, "not-the-secret")).status()).isEqualTo(403);
        assertThat(TelegramUpdates.ticketOf(hub, 1001, 1)).isNull();
    }

    @Test
    void textUpdate_opensTicket_andTheSameUpdateTwice_changesNothing() {
        String update = TelegramUpdates.text(2, 1002, 1, "My parcel never arrived");
        assertThat(deliver(update).status()).isEqualTo(200);
        Long ticketId = TelegramUpdates.ticketOf(hub, 1002, 1);
        assertThat(ticketId).isNotNull();
        JsonNode before = ticket(ticketId);

        assertThat(deliver(update).status()).isEqualTo(200);

        JsonNode after = ticket(ticketId);
        assertThat(after.get("messages")).hasSize(1);
        assertThat(after).isEqualTo(before);
        assertThat(after.get("channel").asText()).isEqualTo("telegram");
        assertThat(after.get("subject").asText()).isEqualTo("My parcel never arrived");
        assertThat(after.get("contact").get("name").asText()).isEqualTo("Ann Lee");
    }

    @Test
    void editedMessage_replacesTheStoredText_andMarksItEdited() {
        long ticketId = openTicket(1003, "Order 911 is late");
        assertThat(deliver(TelegramUpdates.edited(10031, 1003, CUSTOMER_MESSAGE, "Order 991 is late")).status()).isEqualTo(200);

        JsonNode messages = ticket(ticketId).get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("text").asText()).isEqualTo("Order 991 is late");
        assertThat(messages.get(0).get("edited").asBoolean()).isTrue();
    }

    @Test
    void blockingTheBot_marksTheAddressUnreachable_inTheTicketJson() {
        long ticketId = openTicket(1004, "Hello");
        assertThat(deliver(TelegramUpdates.blocked(10041, 1004)).status()).isEqualTo(200);

        JsonNode address = ticket(ticketId).get("contact").get("addresses").get(0);
        assertThat(address.get("kind").asText()).isEqualTo("telegram");
        assertThat(address.get("value").asText()).isEqualTo("1004");
        assertThat(address.get("reachable").asBoolean()).isFalse();
        assertThat(address.get("unreachableReason").asText()).isEqualTo("blocked the bot");
    }

    @Test
    void agentReply_reachesTheCustomersChat() {
        long ticketId = openTicket(1005, "Where is my refund?");
        assertThat(hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "It was issued *today*.")).status())
                .isEqualTo(201);
        assertThat(hub.drainOutbox()).isEqualTo(1);

        assertThat(telegram.messagesTo(1005)).extracting(FakeTelegramBotApi.SentMessage::text)
                .containsExactly("It was issued *today*.");
        JsonNode out = ticket(ticketId).get("messages").get(1);
        assertThat(out.get("deliveryState").asText()).isEqualTo("sent");
    }

    @Test
    void rateLimit_waitsRetryAfter_thenSends() {
        long ticketId = openTicket(1006, "Any news?");
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", 1);
        hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Yes, tomorrow."));
        assertThat(hub.drainOutbox()).isEqualTo(1);

        assertThat(telegram.messagesTo(1006)).extracting(FakeTelegramBotApi.SentMessage::text).containsExactly("Yes, tomorrow.");
        assertThat(ticket(ticketId).get("messages").get(1).get("deliveryState").asText()).isEqualTo("sent");
    }

    @Test
    void blockedOnSend_failsTheMessage_andMarksTheAddressUnreachable() {
        long ticketId = openTicket(1007, "Hi there");
        telegram.failNext("sendMessage", 1, 403, "Forbidden: bot was blocked by the user");
        hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Hello!"));
        assertThat(hub.drainOutbox()).isEqualTo(1);

        JsonNode detail = ticket(ticketId);
        assertThat(detail.get("messages").get(1).get("deliveryState").asText()).isEqualTo("failed");
        JsonNode address = detail.get("contact").get("addresses").get(0);
        assertThat(address.get("reachable").asBoolean()).isFalse();
        assertThat(address.get("unreachableReason").asText()).contains("blocked the bot");
        assertThat(telegram.messagesTo(1007)).isEmpty();
    }

    @Test
    void unknownUpdateKind_isAcknowledged_andKeptAside() {
        String poll = "{\"update_id\": 77, \"poll\": {\"id\": \"5\", \"question\": \"?\", \"options\": [], "
                + "\"total_voter_count\": 0, \"is_closed\": false, \"is_anonymous\": true, \"type\": \"regular\", "
                + "\"allows_multiple_answers\": false}}";
        assertThat(deliver(poll).status()).isEqualTo(200);

        String reason = hub.app.transactions().read(handle -> handle.createQuery(
                "select reason from unprocessed_payload where channel = 'telegram' and payload like '%\"update_id\": 77%'")
                .mapTo(String.class).one());
        assertThat(reason).contains("poll");
    }

    @Test
    void buttonPress_isAcknowledged_andTheCallbackQueryAnswered() {
        assertThat(deliver(TelegramUpdates.callback(88, 1008, "cbq-42", "menu:new")).status()).isEqualTo(200);

        assertThat(telegram.calls("answerCallbackQuery")).extracting(call -> call.param("callback_query_id"))
                .containsExactly("cbq-42");
    }
}
