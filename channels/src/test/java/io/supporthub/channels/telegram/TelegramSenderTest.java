package io.supporthub.channels.telegram;

import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.channels.telegram.FakeTelegramBotApi.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramSenderTest {

    private static final Address CHAT = Address.telegram(4242);

    private FakeTelegramBotApi telegram;
    private TelegramApiClient api;
    private TelegramSender sender;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramBotApi.start();
        api = new TelegramApiClient(telegram.settings());
        sender = new TelegramSender(api, Duration.ofSeconds(30), waits::add);
    }

    @AfterEach
    void stop() {
        api.close();
        telegram.close();
    }

    @Test
    void text_isSentAsPlainText_andTheProviderIdIsChatAndMessageId() throws Exception {
        SendResult result = sender.send(OutboundMessage.text(1, CHAT, "Use *bold* and <b>tags</b> [link](http://x)"));

        assertThat(result.providerId()).isEqualTo("4242:1");
        assertThat(result.state()).isEqualTo(DeliveryState.SENT);
        assertThat(telegram.messagesTo(4242)).extracting(SentMessage::text)
                .containsExactly("Use *bold* and <b>tags</b> [link](http://x)");
        assertThat(telegram.calls("sendMessage").get(0).params()).doesNotContainKey("parse_mode");
    }

    @Test
    void textOf5000Characters_isSentInTwoMessages_cutAtAParagraph() throws Exception {
        String first = "a".repeat(3000);
        String second = "b".repeat(1998);
        SendResult result = sender.send(OutboundMessage.text(1, CHAT, first + "\n\n" + second));

        assertThat(telegram.messagesTo(4242)).extracting(SentMessage::text).containsExactly(first, second);
        assertThat(result.providerId()).isEqualTo("4242:1");
    }

    @Test
    void textWithSurroundingSpaces_isSentWithoutThem() throws Exception {
        sender.send(OutboundMessage.text(1, CHAT, "\n  Hello  \n"));

        assertThat(telegram.messagesTo(4242)).extracting(SentMessage::text).containsExactly("Hello");
    }

    @Test
    void buttons_becomeAnInlineKeyboardOnTheLastMessage() throws Exception {
        OutboundMessage message = new OutboundMessage(1, CHAT, "Choose", null, null, null, null, List.of(),
                List.of(new OutboundMessage.Button("New request", "menu:new"), new OutboundMessage.Button("My requests", "menu:list")),
                null);

        sender.send(message);

        String markup = telegram.messagesTo(4242).get(0).replyMarkup();
        assertThat(markup).contains("\"inline_keyboard\"").contains("\"callback_data\":\"menu:new\"")
                .contains("\"text\":\"My requests\"");
    }

    @Test
    void callbackDataOver64Bytes_isRefusedBeforeSending() {
        OutboundMessage message = new OutboundMessage(1, CHAT, "Choose", null, null, null, null, List.of(),
                List.of(new OutboundMessage.Button("Too long", "é".repeat(33))), null);

        assertThatThrownBy(() -> sender.send(message)).isInstanceOf(SendException.class)
                .hasMessageContaining("64 bytes").satisfies(e -> assertThat(((SendException) e).retryable()).isFalse());
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void attachments_goAsPhotoAndDocument_afterTheText() throws Exception {
        Attachment photo = Attachment.of("screen.png", "image/png", new byte[] {1, 2, 3});
        Attachment pdf = Attachment.of("invoice.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        OutboundMessage message = new OutboundMessage(1, CHAT, "Here you are", null, null, null, null,
                List.of(photo, pdf), List.of(new OutboundMessage.Button("Thanks", "ok")), null);

        SendResult result = sender.send(message);

        List<SentMessage> sent = telegram.messagesTo(4242);
        assertThat(sent).extracting(SentMessage::method).containsExactly("sendMessage", "sendPhoto", "sendDocument");
        assertThat(sent.get(1).file().fileName()).isEqualTo("screen.png");
        assertThat(sent.get(1).file().content()).containsExactly(1, 2, 3);
        assertThat(sent.get(2).file().fileName()).isEqualTo("invoice.pdf");
        assertThat(sent.get(2).replyMarkup()).contains("\"callback_data\":\"ok\"");
        assertThat(sent.get(0).replyMarkup()).isNull();
        assertThat(result.providerId()).isEqualTo("4242:1");
    }

    @Test
    void secondPieceFailingOnce_tellsTheFirstAsSent_andTheRetryResumesAfterIt() throws Exception {
        String first = "a".repeat(4000);
        String second = "b".repeat(4000);
        String third = "c".repeat(100);
        OutboundMessage message = OutboundMessage.text(1, CHAT, first + "\n\n" + second + "\n\n" + third);
        List<String> told = new ArrayList<>();
        telegram.passNext("sendMessage", 1);
        telegram.failNext("sendMessage", 1, 502, "Bad Gateway");

        assertThatThrownBy(() -> sender.send(message, (part, id) -> told.add(part + "=" + id)))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(told).containsExactly("0=4242:1");

        SendResult result = sender.send(message.resumingAfter(List.of("4242:1")), (part, id) -> told.add(part + "=" + id));

        assertThat(telegram.messagesTo(4242)).extracting(SentMessage::text).containsExactly(first, second, third);
        assertThat(told).containsExactly("0=4242:1", "1=4242:2", "2=4242:3");
        assertThat(result.providerId()).as("still the first part's id").isEqualTo("4242:1");
    }

    @Test
    void fileFailingOnceAfterTheText_isRetriedAlone_withTheKeyboard() throws Exception {
        Attachment pdf = Attachment.of("invoice.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        OutboundMessage message = new OutboundMessage(1, CHAT, "Here you are", null, null, null, null,
                List.of(pdf), List.of(new OutboundMessage.Button("Thanks", "ok")), null);
        List<String> told = new ArrayList<>();
        telegram.failNext("sendDocument", 1, 500, "Internal Server Error");

        assertThatThrownBy(() -> sender.send(message, (part, id) -> told.add(part + "=" + id)))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
        sender.send(message.resumingAfter(List.of("4242:1")), (part, id) -> told.add(part + "=" + id));

        List<SentMessage> sent = telegram.messagesTo(4242);
        assertThat(sent).extracting(SentMessage::method).containsExactly("sendMessage", "sendDocument");
        assertThat(sent.get(1).replyMarkup()).contains("\"callback_data\":\"ok\"");
        assertThat(told).containsExactly("0=4242:1", "1=4242:2");
    }

    @Test
    void rateLimited_waitsRetryAfter_thenSends() throws Exception {
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 3", 3);

        SendResult result = sender.send(OutboundMessage.text(1, CHAT, "Hello"));

        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(result.providerId()).isEqualTo("4242:1");
        assertThat(telegram.calls("sendMessage")).hasSize(2);
    }

    @Test
    void rateLimitLongerThanTheCap_isHandedBackWithRetryAfter() {
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 120", 120);

        assertThatThrownBy(() -> sender.send(OutboundMessage.text(1, CHAT, "Hello"))).isInstanceOfSatisfying(SendException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void blockedByTheUser_isUnreachable() {
        telegram.failNext("sendMessage", 1, 403, "Forbidden: bot was blocked by the user");

        assertThatThrownBy(() -> sender.send(OutboundMessage.text(1, CHAT, "Hello"))).isInstanceOfSatisfying(SendException.class, e -> {
            assertThat(e.unreachable()).isTrue();
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("blocked the bot: Forbidden: bot was blocked by the user");
        });
    }

    @Test
    void badRequest_isFatalWithTelegramsDescription() {
        telegram.failNext("sendMessage", 1, 400, "Bad Request: chat not found");

        assertThatThrownBy(() -> sender.send(OutboundMessage.text(1, CHAT, "Hello"))).isInstanceOfSatisfying(SendException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.unreachable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("Bad Request: chat not found");
        });
    }

    @Test
    void serverErrorOrNoAnswer_isRetryable() {
        telegram.failNext("sendMessage", 1, 502, "Bad Gateway");
        assertThatThrownBy(() -> sender.send(OutboundMessage.text(1, CHAT, "Hello")))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());

        telegram.close();
        assertThatThrownBy(() -> sender.send(OutboundMessage.text(2, CHAT, "Hello")))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void emptyMessage_orAnotherChannelsAddress_isFatal() {
        assertThatThrownBy(() -> sender.send(OutboundMessage.text(1, CHAT, "  ")))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isFalse());
        assertThatThrownBy(() -> sender.send(OutboundMessage.text(1, Address.phone("+33612345678"), "Hi")))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void answerCallbackQuery_takesTheButtonPressId() throws Exception {
        sender.answerCallbackQuery("cb:4382bfdwdsb323b2d9", "Noted");

        assertThat(telegram.calls("answerCallbackQuery")).singleElement().satisfies(call -> {
            assertThat(call.param("callback_query_id")).isEqualTo("4382bfdwdsb323b2d9");
            assertThat(call.param("text")).isEqualTo("Noted");
        });
    }
}
