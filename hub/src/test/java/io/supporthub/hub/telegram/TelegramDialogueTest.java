package io.supporthub.hub.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's whole conversation with the bot on Telegram, through the webhook and the fake Bot API. */
class TelegramDialogueTest {

    static final String COMMENT_SAVED = "Thank you, your comment was saved.";

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

    @Test
    void aTextTwoDaysAfterARating_isAnOrdinaryMessage_thatReopensTheTicket() {
        long chat = 6001;
        long ticketId = ratedTicket(chat);

        hub.clock.advance(Duration.ofDays(2));
        deliver(TelegramUpdates.text(60013, chat, 9003, "Please call me back on my mobile"));

        assertThat(TelegramUpdates.ticketOf(hub, chat, 9003)).isEqualTo(ticketId);
        JsonNode ticket = hub.get("/api/tickets/" + ticketId).json();
        assertThat(ticket.get("status").asText()).isEqualTo("open");
        assertThat(ticket.get("timeline").findValuesAsText("kind")).contains("reopened");
        assertThat(ticket.path("ratingComment").asText(null)).isNull();
        JsonNode last = lastMessage(ticket);
        assertThat(last.get("text").asText()).isEqualTo("Please call me back on my mobile");
        assertThat(last.get("direction").asText()).isEqualTo("in");
        assertThat(last.path("ratingComment").asBoolean()).isFalse();
        assertThat(textsTo(chat)).doesNotContain(COMMENT_SAVED);
    }

    @Test
    void aCommentWithinTheWait_isTheRatingComment_andTheCustomersMessageOnTheTicket_whichStaysResolved() {
        long chat = 6002;
        long ticketId = ratedTicket(chat);

        hub.clock.advance(Duration.ofMinutes(9));
        String comment = TelegramUpdates.text(60023, chat, 9003, "Quick and kind, thanks");
        deliver(comment);
        deliver(comment); // redelivered by Telegram: stored once, answered once

        JsonNode ticket = hub.get("/api/tickets/" + ticketId).json();
        assertThat(ticket.get("status").asText()).isEqualTo("resolved");
        assertThat(ticket.get("rating").asInt()).isEqualTo(5);
        assertThat(ticket.get("ratingComment").asText()).isEqualTo("Quick and kind, thanks");
        assertThat(ticket.get("timeline").findValuesAsText("kind")).doesNotContain("reopened");
        List<JsonNode> comments = new ArrayList<>();
        ticket.get("messages").forEach(m -> {
            if (m.get("text").asText().equals("Quick and kind, thanks")) {
                comments.add(m);
            }
        });
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("direction").asText()).isEqualTo("in");
        assertThat(comments.get(0).get("visibility").asText()).isEqualTo("public");
        assertThat(comments.get(0).get("ratingComment").asBoolean()).isTrue();
        assertThat(TelegramUpdates.ticketOf(hub, chat, 9003)).isEqualTo(ticketId);
        assertThat(textsTo(chat)).filteredOn(COMMENT_SAVED::equals).hasSize(1);
    }

    @Test
    void aFileAfterARating_isNotAComment_andIsThreadedLikeAnyMessage() {
        long chat = 6003;
        long ticketId = ratedTicket(chat);
        telegram.addFile("receipt-6003", "documents/receipt.pdf", new byte[] {1, 2, 3});

        deliver("""
                {"update_id": 60033, "message": {"message_id": 9003, "date": 1764320000,
                 "from": {"id": %d, "is_bot": false, "first_name": "Ann", "language_code": "en"},
                 "chat": {"id": %d, "first_name": "Ann", "type": "private"},
                 "document": {"file_id": "receipt-6003", "file_unique_id": "r6003", "file_name": "receipt.pdf",
                  "mime_type": "application/pdf", "file_size": 3}, "caption": "The receipt, it was charged twice"}}"""
                .formatted(chat, chat));

        assertThat(TelegramUpdates.ticketOf(hub, chat, 9003)).isEqualTo(ticketId);
        JsonNode ticket = hub.get("/api/tickets/" + ticketId).json();
        assertThat(ticket.get("status").asText()).isEqualTo("open");
        assertThat(ticket.path("ratingComment").asText(null)).isNull();
        JsonNode last = lastMessage(ticket);
        assertThat(last.get("text").asText()).isEqualTo("The receipt, it was charged twice");
        assertThat(last.get("attachments").findValuesAsText("fileName")).containsExactly("receipt.pdf");
        assertThat(textsTo(chat)).doesNotContain(COMMENT_SAVED);
    }

    @Test
    void aButtonPressAfterARating_endsTheWait_soTheNextTextIsNotTheComment() {
        long chat = 6004;
        long ticketId = ratedTicket(chat);

        deliver(TelegramUpdates.callback(60043, chat, "q-6004-2", "menu:list"));
        deliver(TelegramUpdates.text(60044, chat, 9004, "One more question about the invoice"));

        assertThat(TelegramUpdates.ticketOf(hub, chat, 9004)).isEqualTo(ticketId);
        JsonNode ticket = hub.get("/api/tickets/" + ticketId).json();
        assertThat(ticket.get("status").asText()).isEqualTo("open");
        assertThat(ticket.path("ratingComment").asText(null)).isNull();
        assertThat(lastMessage(ticket).get("text").asText()).isEqualTo("One more question about the invoice");
        assertThat(textsTo(chat)).doesNotContain(COMMENT_SAVED);
    }

    @Test
    void aRequestChosenToAddTo_isForgottenOnceTheWaitIsOver() {
        long chat = 6005;
        deliver(TelegramUpdates.text(60051, chat, 9001, "First question about delivery"));
        long first = TelegramUpdates.ticketOf(hub, chat, 9001);
        deliver(TelegramUpdates.callback(60052, chat, "q-6005-1", "menu:new"));
        deliver(TelegramUpdates.text(60053, chat, 9003, "Second question about billing"));
        long second = TelegramUpdates.ticketOf(hub, chat, 9003);
        assertThat(second).isNotEqualTo(first);
        long firstNumber = hub.get("/api/tickets/" + first).json().get("number").asLong();
        deliver(TelegramUpdates.callback(60054, chat, "q-6005-2", "t:" + first));
        assertThat(textsTo(chat).get(textsTo(chat).size() - 1)).contains("#" + firstNumber);

        hub.clock.advance(Duration.ofMinutes(11));
        deliver(TelegramUpdates.text(60055, chat, 9005, "Any news?"));

        assertThat(TelegramUpdates.ticketOf(hub, chat, 9005)).as("threaded to the latest ticket, not the one chosen")
                .isEqualTo(second);
        assertThat(textsTo(chat)).noneMatch(t -> t.startsWith("Thank you, your message was added"));
    }

    /** A chat whose first message opened a ticket, which an agent resolved and the customer rated five stars. */
    private static long ratedTicket(long chat) {
        deliver(TelegramUpdates.text(chat * 10 + 1, chat, 9001, "My order 77 never came"));
        long ticketId = TelegramUpdates.ticketOf(hub, chat, 9001);
        assertThat(hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved")).status()).isEqualTo(200);
        hub.drainOutbox();
        deliver(TelegramUpdates.callback(chat * 10 + 2, chat, "q-" + chat + "-1", "rate:" + ticketId + ":5"));
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("rating").asInt()).isEqualTo(5);
        return ticketId;
    }

    private static JsonNode lastMessage(JsonNode ticket) {
        JsonNode messages = ticket.get("messages");
        return messages.get(messages.size() - 1);
    }

    private static List<String> textsTo(long chat) {
        return telegram.messagesTo(chat).stream().map(FakeTelegramBotApi.SentMessage::text)
                .filter(t -> t != null).toList();
    }
}
