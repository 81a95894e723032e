package io.supporthub.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.ConversationStarted;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.DeliveryUpdate;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.ReachabilityChange;
import io.supporthub.channels.UnprocessablePayloadException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus callbacks from Viber's own SDK tests, parsed into channel events. */
class ViberCallbackParserTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final List<URI> fetched = new ArrayList<>();
    private final MediaDownloader downloader = (url, max) -> {
        fetched.add(url);
        return new MediaDownloader.Fetched(JPEG, "image/jpeg");
    };
    private final ViberCallbackParser parser = new ViberCallbackParser(
            ViberSettings.of("token", "Support", URI.create("https://hub.example")), downloader, null,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private ChannelEvent single(String corpusFile) throws Exception {
        List<ChannelEvent> events = parser.parse(ViberCorpus.bytes(corpusFile));
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private InboundMessage message(String corpusFile) throws Exception {
        return (InboundMessage) single(corpusFile);
    }

    @Test
    void textMessage_becomesInboundMessage_withSenderAndExactToken() throws Exception {
        InboundMessage message = message("viber-bot-node/message-factory-test_testBuildTextMessageSanity.json");
        assertThat(message.channel()).isEqualTo(ChannelKind.VIBER);
        assertThat(message.from()).isEqualTo(Address.viber("xWxFWBYHceVLi80yULnRkw=="));
        assertThat(message.sender().name()).isEqualTo("Idan Harel");
        assertThat(message.externalId()).isEqualTo("4978563241957515056");
        assertThat(message.text()).isEqualTo("Hi");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1479039750092L));
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void unicodeRequest_keepsCjkTextAndTokenAbove2pow53() throws Exception {
        InboundMessage message = message("viber-bot-python/unicode_request.json");
        assertThat(message.externalId()).isEqualTo("4912661846655238145");
        assertThat(new java.math.BigDecimal(4912661846655238145d).toPlainString()) // what a double would have kept
                .isNotEqualTo("4912661846655238145");
        assertThat(message.sender().name()).startsWith("ふで都急");
        assertThat(message.text()).startsWith("批封廟根縄華勢田郎報株聞。").endsWith("件一盛治融。");
    }

    @Test
    void tokenSentAsString_isAccepted_andSenderWithoutAvatarParses() throws Exception {
        InboundMessage message = message("viber-bot-python/test_viber_message_request.test_user_has_no_avatar.json");
        assertThat(message.externalId()).isEqualTo("912661846655238145");
        assertThat(message.text()).isEqualTo("HI!");
        assertThat(message.from().value()).isEqualTo("01234567890A=");
    }

    @Test
    void chatExtensionMessage_parsesAsPlainMessage() throws Exception {
        InboundMessage message = message("viber-bot-python/test_viber_message_request.test_request_is_chat_extension.json");
        assertThat(message.text()).isEqualTo("HI!");
    }

    @Test
    void redeliveredCallback_givesTheSameExternalId() throws Exception {
        byte[] body = ViberCorpus.bytes("viber-bot-python/unicode_request.json");
        InboundMessage first = (InboundMessage) parser.parse(body).get(0);
        InboundMessage again = (InboundMessage) parser.parse(body).get(0);
        assertThat(again.externalId()).isEqualTo(first.externalId());
    }

    @Test
    void numberAndStringTokens_giveTheSameExternalId() throws Exception {
        String asNumber = "{\"event\":\"seen\",\"message_token\":5058590812907389764,\"user_id\":\"u=\"}";
        String asString = "{\"event\":\"seen\",\"message_token\":\"5058590812907389764\",\"user_id\":\"u=\"}";
        assertThat(((DeliveryUpdate) parser.parse(bytes(asNumber)).get(0)).providerId())
                .isEqualTo(((DeliveryUpdate) parser.parse(bytes(asString)).get(0)).providerId())
                .isEqualTo("5058590812907389764");
    }

    @Test
    void pictureMessage_fetchesTheImage_andKeepsTheCaption() throws Exception {
        InboundMessage message = message("viber-bot-node/message-factory-test_testBuildPictureMessageSanity.json");
        assertThat(message.text()).isEqualTo("hello");
        assertThat(fetched).containsExactly(URI.create("http://viber.com"));
        assertThat(message.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("photo.jpg");
            assertThat(a.contentType()).isEqualTo("image/jpeg");
            assertThat(a.content()).isEqualTo(JPEG);
        });
    }

    @Test
    void videoMessage_fetchesTheVideo() throws Exception {
        InboundMessage message = message("viber-bot-node/message-factory-test_testBuildVideoMessageSanity.json");
        assertThat(message.attachments()).singleElement().satisfies(a -> assertThat(a.content()).isEqualTo(JPEG));
        assertThat(message.refusedAttachments()).isEmpty();
    }

    @Test
    void fileMessage_keepsItsFileName() throws Exception {
        InboundMessage message = message("viber-bot-node/message-factory-test_testBuildFileMessageSanity.json");
        assertThat(message.attachments()).singleElement()
                .satisfies(a -> assertThat(a.fileName()).isEqualTo("test.com"));
    }

    @Test
    void fileOverTheLimit_isRefusedWithoutFetching() throws Exception {
        ViberCallbackParser small = new ViberCallbackParser(new ViberSettings("token", "Support", null, null,
                URI.create("https://hub.example"), 1000), downloader, null, Clock.systemUTC());
        InboundMessage message = (InboundMessage) small.parse(
                ViberCorpus.bytes("viber-bot-node/message-factory-test_testBuildFileMessageSanity.json")).get(0);
        assertThat(fetched).isEmpty();
        assertThat(message.attachments()).isEmpty();
        assertThat(message.refusedAttachments()).containsExactly("test.com (1 KB)");
    }

    @Test
    void contactMessage_describesTheNormalisedPhone_butNeverTakesItAsTheSendersIdentity() throws Exception {
        InboundMessage message = message("viber-bot-node/message-factory-test_testBuildContactMessageSanity.json");
        assertThat(message.sender().otherAddresses()).isEmpty();
        assertThat(message.text()).isEqualTo("Contact: idan, +97245611234");
    }

    @Test
    void contactWithNationalNumber_usesTheDefaultRegion() throws Exception {
        ViberCallbackParser french = new ViberCallbackParser(ViberSettings.of("token", "Support",
                URI.create("https://hub.example")), downloader, "FR", Clock.systemUTC());
        String body = "{\"event\":\"message\",\"message_token\":1,\"sender\":{\"id\":\"u=\"},"
                + "\"message\":{\"type\":\"contact\",\"contact\":{\"name\":\"Marie\",\"phone_number\":\"06 12 34 56 78\"}}}";
        InboundMessage message = (InboundMessage) french.parse(bytes(body)).get(0);
        assertThat(message.text()).isEqualTo("Contact: Marie, +33612345678");
    }

    @Test
    void contactWithUnusableNumber_isOnlyDescribed() throws Exception {
        String body = "{\"event\":\"message\",\"message_token\":1,\"sender\":{\"id\":\"u=\"},"
                + "\"message\":{\"type\":\"contact\",\"contact\":{\"name\":\"Bob\",\"phone_number\":\"12\"}}}";
        InboundMessage message = (InboundMessage) parser.parse(bytes(body)).get(0);
        assertThat(message.sender().otherAddresses()).isEmpty();
        assertThat(message.text()).isEqualTo("Contact: Bob, 12");
    }

    @Test
    void locationMessage_givesCoordinatesAndAMapLink() throws Exception {
        InboundMessage message = message("viber-bot-node/message-factory-test_testBuildLocationMessageSanity.json");
        assertThat(message.text()).isEqualTo(
                "Location: 1234, 4312\nhttps://www.google.com/maps/search/?api=1&query=1234,4312");
    }

    @Test
    void fractionalLocation_keepsItsDigits() throws Exception {
        String body = "{\"event\":\"message\",\"message_token\":1,\"sender\":{\"id\":\"u=\"},"
                + "\"message\":{\"type\":\"location\",\"location\":{\"lat\":48.858370,\"lon\":2.294481}}}";
        assertThat(((InboundMessage) parser.parse(bytes(body)).get(0)).text())
                .startsWith("Location: 48.85837, 2.294481\n");
    }

    @Test
    void stickerMessage_isDescribed() throws Exception {
        InboundMessage message = message("viber-bot-node/message-factory-test_testBuildStickerMessageSanity.json");
        assertThat(message.text()).isEqualTo("Sent a Viber sticker (id 5536)");
    }

    @Test
    void urlMessage_givesTheUrlAsText() throws Exception {
        assertThat(message("viber-bot-node/message-factory-test_testBuildUrlMessageSanity.json").text())
                .isEqualTo("http://viber.com");
    }

    @Test
    void richMediaMessage_givesItsAltText() throws Exception {
        assertThat(message("viber-bot-node/message-factory-test_testBuildRichMediaMessageSanity.json").text())
                .isEqualTo("please upgrade now!");
    }

    @Test
    void conversationStarted_givesSenderProfile() throws Exception {
        ConversationStarted started = (ConversationStarted)
                single("viber-bot-python/test_viber_conversation_started_request.SAMPLE_REQUEST.json");
        assertThat(started.from()).isEqualTo(Address.viber("01234567890A="));
        assertThat(started.sender().name()).isEqualTo("viberUser");
        assertThat(started.sender().language()).isEqualTo("en");
        assertThat(started.at()).isEqualTo(Instant.ofEpochMilli(1457764197627L));
    }

    @Test
    void conversationStartedWithoutTimestamp_usesTheClock() throws Exception {
        ConversationStarted started = (ConversationStarted)
                single("viber-bot-node/viber-bot-test_conversationStatedGettingContext.json");
        assertThat(started.from().value()).isEqualTo("01234567890A=");
        assertThat(started.at()).isEqualTo(NOW);
    }

    @Test
    void subscribed_makesTheAddressReachable() throws Exception {
        ReachabilityChange change = (ReachabilityChange)
                single("viber-bot-python/test_viber_subscribed_request.SAMPLE_REQUEST.json");
        assertThat(change.address()).isEqualTo(Address.viber("01234567890A="));
        assertThat(change.reachable()).isTrue();
    }

    @Test
    void unsubscribed_makesTheAddressUnreachable() throws Exception {
        ReachabilityChange change = (ReachabilityChange)
                single("viber-bot-python/test_viber_unsubscribed_request.SAMPLE_REQUEST.json");
        assertThat(change.address()).isEqualTo(Address.viber("01234567890A="));
        assertThat(change.reachable()).isFalse();
        assertThat(change.reason()).isEqualTo("unsubscribed from the bot");
    }

    @Test
    void delivered_seen_failed_becomeDeliveryUpdates() throws Exception {
        DeliveryUpdate delivered = (DeliveryUpdate) single("viber-bot-python/test_viber_delivered_request.SAMPLE_REQUEST.json");
        DeliveryUpdate seen = (DeliveryUpdate) single("viber-bot-python/test_viber_seen_request.SAMPLE_REQUEST.json");
        DeliveryUpdate failed = (DeliveryUpdate) single("viber-bot-python/test_viber_failed_request.SAMPLE_REQUEST.json");
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.providerId()).isEqualTo("912661846655238145");
        assertThat(seen.state()).isEqualTo(DeliveryState.READ);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.reason()).contains("failure desc");
    }

    @Test
    void webhookCheck_givesNoEvents() throws Exception {
        assertThat(parser.parse(ViberCorpus.bytes("viber-bot-node/viber-bot-test_testBigIntTokenInEvent.json"))).isEmpty();
    }

    @Test
    void bigTokenInDeliveryCallback_survivesExactly() throws Exception {
        String body = "{\"event\":\"delivered\",\"timestamp\":1457764197627,\"message_token\":5058590812907389764,"
                + "\"user_id\":\"01234567890A=\"}";
        assertThat(((DeliveryUpdate) parser.parse(bytes(body)).get(0)).providerId()).isEqualTo("5058590812907389764");
    }

    @Test
    void missingEvent_isUnprocessable() {
        assertThatThrownBy(() -> parser.parse(
                ViberCorpus.bytes("viber-bot-python/test_create_request.test_create_request_missing_event__INVALID.json")))
                .isInstanceOf(UnprocessablePayloadException.class)
                .hasMessage("request is missing field 'event'");
    }

    @Test
    void notJson_isUnprocessable() {
        assertThatThrownBy(() -> parser.parse(bytes("event=message")))
                .isInstanceOf(UnprocessablePayloadException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void fractionalToken_isUnprocessable() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"event\":\"seen\",\"message_token\":5.0e18,\"user_id\":\"u\"}")))
                .isInstanceOf(UnprocessablePayloadException.class)
                .hasMessageContaining("message_token");
    }

    @Test
    void messageWithoutSender_isUnprocessable() {
        assertThatThrownBy(() -> parser.parse(bytes(
                "{\"event\":\"message\",\"message_token\":1,\"message\":{\"type\":\"text\",\"text\":\"hi\"}}")))
                .isInstanceOf(UnprocessablePayloadException.class)
                .hasMessage("request is missing field 'sender'");
    }

    @Test
    void unknownEvent_isUnprocessable() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"event\":\"client_status\"}")))
                .isInstanceOf(UnprocessablePayloadException.class)
                .hasMessageContaining("client_status");
    }

    @Test
    void keyboardReply_isJustText() throws Exception {
        String body = "{\"event\":\"message\",\"message_token\":7,\"sender\":{\"id\":\"u=\",\"language\":\"fr\"},"
                + "\"message\":{\"type\":\"text\",\"text\":\"menu:new_request\"}}";
        InboundMessage message = (InboundMessage) parser.parse(bytes(body)).get(0);
        assertThat(message.text()).isEqualTo("menu:new_request");
        assertThat(message.sender().language()).isEqualTo("fr");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
