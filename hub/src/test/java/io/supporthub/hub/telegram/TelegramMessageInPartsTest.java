package io.supporthub.hub.telegram;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.FakeTelegramBotApi.SentMessage;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An agent's reply that Telegram gets in several messages (a long text cut up, a text and its file), a later one
 * failing once with a passing error: the outbox's retry sends only what had not gone out.
 */
class TelegramMessageInPartsTest {

    /** Well above the ids the fake gives our messages: in a real chat the customer's and the bot's ids never meet. */
    private static final long CUSTOMER_MESSAGE = 1000;
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

    private static long openTicket(long chatId, String text) {
        assertThat(hub.request("POST", "/webhooks/telegram", TelegramUpdates.text(chatId * 10, chatId, CUSTOMER_MESSAGE, text),
                Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET)).status()).isEqualTo(200);
        hub.drainOutbox();
        return TelegramUpdates.ticketOf(hub, chatId, CUSTOMER_MESSAGE);
    }

    private static long reply(long ticketId, String text) {
        assertThat(hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", text)).status()).isEqualTo(201);
        return hub.app.transactions().read(handle -> handle.createQuery("select max(id) from message "
                + "where ticket_id = :id and direction = 'out'").bind("id", ticketId).mapTo(Long.class).one());
    }

    /** Sends what is due, then again once the retry's wait is over. */
    private static void sendAndRetry() {
        hub.drainOutbox();
        hub.clock.advance(Duration.ofMinutes(1));
        hub.drainOutbox();
    }

    private static String stored(long messageId, String column) {
        return hub.app.transactions().read(handle -> handle.createQuery("select " + column + " from message where id = :id")
                .bind("id", messageId).mapTo(String.class).one());
    }

    @Test
    void longReply_whoseSecondPartFailsOnce_reachesTheCustomerWithEachPartOnce() {
        long chat = 3001;
        long ticketId = openTicket(chat, "Please explain the whole procedure");
        int before = telegram.messagesTo(chat).size();
        String first = "a".repeat(4000);
        String second = "b".repeat(4000);
        String third = "c".repeat(500);
        telegram.passNext("sendMessage", 1);
        telegram.failNext("sendMessage", 1, 502, "Bad Gateway");

        long messageId = reply(ticketId, first + "\n\n" + second + "\n\n" + third);
        sendAndRetry();

        List<SentMessage> sent = telegram.messagesTo(chat);
        assertThat(sent.subList(before, sent.size())).extracting(SentMessage::text).containsExactly(first, second, third);
        assertThat(telegram.calls("sendMessage").stream().filter(c -> second.equals(c.param("text"))))
                .as("the failed part and its retry").hasSize(2);
        assertThat(stored(messageId, "delivery_state")).isEqualTo("sent");
        assertThat(stored(messageId, "external_id")).as("the first part's id, as for a reply sent in one go")
                .isEqualTo(chat + ":" + sent.get(before).messageId());
    }

    @Test
    void replyWithAFile_whoseFileFailsOnceAfterTheText_sendsTheTextOnce() {
        long chat = 3002;
        long ticketId = openTicket(chat, "Can I have the invoice?");
        int before = telegram.messagesTo(chat).size();
        telegram.failNext("sendDocument", 1, 500, "Internal Server Error");

        long messageId = reply(ticketId, "Here is your invoice.");
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            new AttachmentStore(handle).save(messageId, Attachment.of("invoice.pdf", "application/pdf",
                    "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)), hub.clock.instant());
            return null;
        });
        sendAndRetry();

        List<SentMessage> sent = telegram.messagesTo(chat);
        assertThat(sent.subList(before, sent.size())).extracting(SentMessage::method, SentMessage::text)
                .containsExactly(tuple("sendMessage", "Here is your invoice."),
                        tuple("sendDocument", null));
        assertThat(sent.get(sent.size() - 1).file().fileName()).isEqualTo("invoice.pdf");
        assertThat(stored(messageId, "delivery_state")).isEqualTo("sent");
    }
}
