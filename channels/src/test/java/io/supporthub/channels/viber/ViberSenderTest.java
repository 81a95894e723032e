package io.supporthub.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ViberSenderTest {

    private static final String USER = "01234567890A=";

    private final FakeViberApi viber = FakeViberApi.start("secret-token");
    private final AttachmentUrls urls = (message, index, attachment) ->
            URI.create("https://hub.example/media/" + message.messageId() + "/" + index + "/" + attachment.fileName());
    private final ViberSender sender = sender(viber.settings(URI.create("https://hub.example")));

    @AfterEach
    void stop() {
        viber.close();
    }

    private ViberSender sender(ViberSettings settings) {
        return new ViberSender(new ViberApi(settings, HttpClient.newHttpClient(), Duration.ofSeconds(5)), urls);
    }

    private static OutboundMessage text(String text) {
        return OutboundMessage.text(42, Address.viber(USER), text);
    }

    private static OutboundMessage with(List<Attachment> attachments, List<OutboundMessage.Button> buttons, String text) {
        return new OutboundMessage(42, Address.viber(USER), text, null, null, null, null, attachments, buttons, null);
    }

    private SendException failure(OutboundMessage message) {
        try {
            sender.send(message);
        } catch (SendException e) {
            return e;
        }
        throw new AssertionError("the send did not fail");
    }

    @Test
    void text_isSentWithBotName_andTheBigTokenIsTheProviderId() throws Exception {
        SendResult result = sender.send(text("Hello, how can we help?"));
        assertThat(result.providerId()).isEqualTo(Long.toString(FakeViberApi.FIRST_TOKEN));
        assertThat(result.state()).isEqualTo(DeliveryState.SENT);
        JsonNode sent = viber.messagesTo(USER).get(0);
        assertThat(sent.get("type").asText()).isEqualTo("text");
        assertThat(sent.get("text").asText()).isEqualTo("Hello, how can we help?");
        assertThat(sent.get("sender").get("name").asText()).isEqualTo("Support");
        assertThat(sent.has("keyboard")).isFalse();
        assertThat(viber.requests().get(0).header("X-Viber-Auth-Token")).isEqualTo("secret-token");
    }

    @Test
    void avatar_isSentWhenConfigured() throws Exception {
        ViberSettings settings = new ViberSettings("secret-token", "Acme help", URI.create("https://hub.example/a.png"),
                viber.apiUrl(), URI.create("https://hub.example"), 0);
        sender(settings).send(text("hi"));
        JsonNode botSender = viber.messagesTo(USER).get(0).get("sender");
        assertThat(botSender.get("name").asText()).isEqualTo("Acme help");
        assertThat(botSender.get("avatar").asText()).isEqualTo("https://hub.example/a.png");
    }

    @Test
    void longText_isSplitIntoParts_andTheLastTokenIsReturned() throws Exception {
        String paragraph = "word ".repeat(1000).strip();
        String text = paragraph + "\n\n" + paragraph + "\n\n" + paragraph;
        SendResult result = sender.send(with(List.of(), List.of(new OutboundMessage.Button("Close", "close")), text));
        List<JsonNode> sent = viber.messagesTo(USER);
        assertThat(sent).hasSize(3);
        assertThat(sent).allSatisfy(part -> assertThat(part.get("text").asText()).hasSizeLessThanOrEqualTo(7000));
        assertThat(sent.stream().map(p -> p.get("text").asText()).toList()).containsExactly(paragraph, paragraph, paragraph);
        assertThat(sent.get(0).has("keyboard")).isFalse();
        assertThat(sent.get(2).has("keyboard")).isTrue();
        assertThat(result.providerId()).isEqualTo(Long.toString(FakeViberApi.FIRST_TOKEN + 2));
    }

    @Test
    void secondPartFailingOnce_tellsTheFirstAsSent_andTheRetryResumesAfterIt() throws Exception {
        String paragraph = "word ".repeat(1000).strip();
        String last = "end ".repeat(1000).strip();
        OutboundMessage message = text(paragraph + "\n\n" + paragraph.toUpperCase() + "\n\n" + last);
        List<String> told = new ArrayList<>();
        viber.passNextSend();
        viber.failNextSendWithHttp(502);

        SendException e = assertThrowsSend(() -> sender.send(message, (part, id) -> told.add(part + "=" + id)));
        assertThat(e.retryable()).isTrue();
        String firstToken = Long.toString(FakeViberApi.FIRST_TOKEN);
        assertThat(told).containsExactly("0=" + firstToken);

        SendResult result = sender.send(message.resumingAfter(List.of(firstToken)), (part, id) -> told.add(part + "=" + id));

        assertThat(viber.messagesTo(USER).stream().map(p -> p.get("text").asText()).toList())
                .containsExactly(paragraph, paragraph.toUpperCase(), last);
        assertThat(told).hasSize(3);
        assertThat(result.providerId()).as("the last part's token").isEqualTo(told.get(2).substring(2));
    }

    @Test
    void buttons_becomeAReplyKeyboard() throws Exception {
        sender.send(with(List.of(), List.of(
                new OutboundMessage.Button("New request", "menu:new"),
                new OutboundMessage.Button("My requests", "menu:list")), "Choose"));
        JsonNode keyboard = viber.messagesTo(USER).get(0).get("keyboard");
        assertThat(keyboard.get("Type").asText()).isEqualTo("keyboard");
        assertThat(keyboard.get("Buttons")).hasSize(2);
        JsonNode first = keyboard.get("Buttons").get(0);
        assertThat(first.get("ActionType").asText()).isEqualTo("reply");
        assertThat(first.get("ActionBody").asText()).isEqualTo("menu:new");
        assertThat(first.get("Text").asText()).isEqualTo("New request");
        assertThat(first.get("Columns").asInt()).isEqualTo(3);
        assertThat(first.get("Rows").asInt()).isEqualTo(1);
    }

    @Test
    void longLabels_takeTheFullRow_andAreEscaped() throws Exception {
        sender.send(with(List.of(), List.of(
                new OutboundMessage.Button("Not solved <yet> & open again", "rate:reopen"),
                new OutboundMessage.Button("OK", "ok")), "Rate us"));
        JsonNode buttons = viber.messagesTo(USER).get(0).get("keyboard").get("Buttons");
        assertThat(buttons.get(0).get("Columns").asInt()).isEqualTo(6);
        assertThat(buttons.get(0).get("Text").asText()).isEqualTo("Not solved &lt;yet&gt; &amp; open again");
    }

    @Test
    void smallJpeg_isSentAsPicture_andPdfAsFile_byTheirPublicUrls() throws Exception {
        Attachment photo = Attachment.of("router.jpg", "image/jpeg", new byte[2048]);
        Attachment invoice = Attachment.of("invoice.pdf", "application/pdf", new byte[4096]);
        sender.send(with(List.of(photo, invoice), List.of(), "Here you are"));
        List<JsonNode> sent = viber.messagesTo(USER);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1).get("type").asText()).isEqualTo("picture");
        assertThat(sent.get(1).get("media").asText()).isEqualTo("https://hub.example/media/42/0/router.jpg");
        assertThat(sent.get(2).get("type").asText()).isEqualTo("file");
        assertThat(sent.get(2).get("media").asText()).isEqualTo("https://hub.example/media/42/1/invoice.pdf");
        assertThat(sent.get(2).get("size").asLong()).isEqualTo(4096);
        assertThat(sent.get(2).get("file_name").asText()).isEqualTo("invoice.pdf");
    }

    @Test
    void pictureOverOneMegabyte_isSentAsFile() throws Exception {
        Attachment photo = Attachment.of("scan.png", "image/png", new byte[2 * 1024 * 1024]);
        sender.send(with(List.of(photo), List.of(), ""));
        assertThat(viber.messagesTo(USER)).singleElement()
                .satisfies(m -> assertThat(m.get("type").asText()).isEqualTo("file"));
    }

    @Test
    void emptyMessage_isFatal() {
        SendException e = failure(text("  "));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("no text and no attachment");
    }

    @Test
    void receiverNotRegistered_isUnreachable() {
        viber.failSendsTo(USER, 5, "receiverNotRegistered");
        SendException e = failure(text("hi"));
        assertThat(e.unreachable()).isTrue();
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("no Viber account").contains("status 5");
    }

    @Test
    void receiverNotSubscribed_isUnreachable() {
        viber.failNextSend(6, "receiverNotSubscribed");
        SendException e = failure(text("hi"));
        assertThat(e.unreachable()).isTrue();
        assertThat(e.getMessage()).contains("not subscribed");
    }

    @Test
    void tooManyRequests_isRateLimitedForAnHour() {
        viber.failNextSend(12, "tooManyRequests");
        SendException e = failure(text("hi"));
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(e.unreachable()).isFalse();
    }

    @Test
    void wrongAuthToken_isFatalWithAMessageForTheAdmin() {
        ViberSettings wrong = new ViberSettings("not-the-token", "Support", null, viber.apiUrl(),
                URI.create("https://hub.example"), 0);
        SendException e = assertThrowsSend(() -> sender(wrong).send(text("hi")));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("VIBER_AUTH_TOKEN").contains("status 2");
    }

    @Test
    void blockedAndSuspendedAccounts_areFatal() {
        viber.failNextSend(7, "publicAccountBlocked");
        viber.failNextSend(9, "publicAccountSuspended");
        SendException blocked = failure(text("hi"));
        SendException suspended = failure(text("hi"));
        assertThat(blocked.retryable()).isFalse();
        assertThat(blocked.getMessage()).contains("blocked").contains("contact Viber");
        assertThat(suspended.retryable()).isFalse();
        assertThat(suspended.getMessage()).contains("suspended");
    }

    @Test
    void invalidUrlAndBadData_areFatalWithTheStatusMessage() {
        viber.failNextSend(1, "invalidUrl");
        viber.failNextSend(3, "badData: keyboard is not valid");
        assertThat(failure(text("hi")).getMessage()).contains("status 1 (invalidUrl)");
        SendException badData = failure(text("hi"));
        assertThat(badData.retryable()).isFalse();
        assertThat(badData.unreachable()).isFalse();
        assertThat(badData.getMessage()).contains("badData: keyboard is not valid");
    }

    @Test
    void serverError_isRetryable() {
        viber.failNextSendWithHttp(502);
        SendException e = failure(text("hi"));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("502");
    }

    @Test
    void clientHttpError_isFatal() {
        viber.failNextSendWithHttp(400);
        assertThat(failure(text("hi")).retryable()).isFalse();
    }

    @Test
    void unreachableApi_isRetryable() {
        viber.close();
        SendException e = failure(text("hi"));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("could not be reached");
    }

    @Test
    void nonViberAddress_isRefused() {
        SendException e = assertThrowsSend(() -> sender.send(OutboundMessage.text(1, Address.phone("+33612345678"), "hi")));
        assertThat(e.getMessage()).contains("not a Viber user id");
    }

    private static SendException assertThrowsSend(Sending sending) {
        try {
            sending.run();
        } catch (SendException e) {
            return e;
        }
        throw new AssertionError("the send did not fail");
    }

    @FunctionalInterface
    private interface Sending {
        void run() throws SendException;
    }
}
