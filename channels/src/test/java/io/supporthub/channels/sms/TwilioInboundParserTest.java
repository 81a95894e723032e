package io.supporthub.channels.sms;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.ReachabilityChange;
import io.supporthub.channels.UnprocessablePayloadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioInboundParserTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final FakeTwilioApi twilio = FakeTwilioApi.start("AC1a03647d811fab342c0ad608e382fab2", "tok");
    private final TwilioSettings settings = twilio.settings("+15550001111", "https://hub.example.com");
    private final TwilioInboundParser parser =
            new TwilioInboundParser(new TwilioMediaFetcher(settings, 1024), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        twilio.close();
    }

    private static Map<String, List<String>> sms(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("NumMedia", "0");
        form.put("SmsSid", "SM0123456789abcdef0123456789abcdef");
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("To", "+15550001111");
        form.put("NumSegments", "1");
        form.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("AccountSid", "AC1a03647d811fab342c0ad608e382fab2");
        form.put("From", "+14155552671");
        form.put("ApiVersion", "2010-04-01");
        return TwilioForm.of(form);
    }

    @Test
    void plainSms_becomesInboundMessage_withOurNumberInTheThreadHint() throws Exception {
        List<ChannelEvent> events = parser.parse(sms(" Hello, my order is late "));

        assertThat(events).hasSize(1);
        InboundMessage message = (InboundMessage) events.get(0);
        assertThat(message.channel()).isEqualTo(ChannelKind.SMS);
        assertThat(message.from()).isEqualTo(Address.phone("+14155552671"));
        assertThat(message.externalId()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(message.text()).isEqualTo("Hello, my order is late");
        assertThat(message.threadHint().replyToIds()).isEmpty();
        assertThat(message.ourAddress()).isEqualTo("+15550001111");
        assertThat(message.sentAt()).isEqualTo(NOW);
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void redeliveredWebhook_carriesTheSameExternalId() throws Exception {
        InboundMessage first = (InboundMessage) parser.parse(sms("hi")).get(0);
        InboundMessage again = (InboundMessage) parser.parse(sms("hi")).get(0);

        assertThat(again.externalId()).isEqualTo(first.externalId());
    }

    @Test
    void mmsMedia_areDownloadedWithCredentials_andTheStorageRedirectGetsNone() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        String url = twilio.addMedia("MM21151abfaadc1fb79b782f8460862a52", jpeg, "image/jpeg");
        Map<String, List<String>> form = new LinkedHashMap<>(sms(""));
        form.put("NumMedia", List.of("1"));
        form.put("MediaUrl0", List.of(url));
        form.put("MediaContentType0", List.of("image/jpeg"));

        InboundMessage message = (InboundMessage) parser.parse(form).get(0);

        assertThat(message.text()).isEmpty();
        assertThat(message.attachments()).hasSize(1);
        assertThat(message.attachments().get(0).content()).isEqualTo(jpeg);
        assertThat(message.attachments().get(0).contentType()).isEqualTo("image/jpeg");
        assertThat(message.attachments().get(0).fileName()).startsWith("ME").endsWith(".jpg");
        assertThat(twilio.requests()).anySatisfy(r -> assertThat(r.authorization()).startsWith("Basic "));
        assertThat(twilio.storageRequests()).hasSize(1)
                .allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void mediaOverTheSizeLimit_isRefused_withItsNameAndSize() throws Exception {
        String url = twilio.addMedia("MM1", new byte[4096], "video/mp4");
        Map<String, List<String>> form = new LinkedHashMap<>(sms("see video"));
        form.put("NumMedia", List.of("1"));
        form.put("MediaUrl0", List.of(url));
        form.put("MediaContentType0", List.of("video/mp4"));

        InboundMessage message = (InboundMessage) parser.parse(form).get(0);

        assertThat(message.attachments()).isEmpty();
        assertThat(message.refusedAttachments()).singleElement().asString().endsWith(".mp4 (4 KB)");
    }

    @Test
    void corpusImageForm_isParsedUpToItsWhatsAppSender_whichIsRefused() {
        Map<String, List<String>> form =
                TwilioCorpus.form("processactivity_parses_a_twilio_message_with_image_attachmen");

        assertThatThrownBy(() -> parser.parse(form))
                .isInstanceOf(UnprocessablePayloadException.class)
                .hasMessageContaining("WhatsApp is not a supported channel")
                .hasMessageContaining("MM21151abfaadc1fb79b782f8460862a52");
    }

    @Test
    void corpusTextForm_withWhatsAppNumbersAsSms_isParsed() throws Exception {
        Map<String, List<String>> form = new LinkedHashMap<>(
                TwilioCorpus.form("processactivity_parses_a_twilio_message_to_activity"));
        form.put("From", List.of(form.get("From").get(0).replace("whatsapp:", "")));
        form.put("To", List.of(form.get("To").get(0).replace("whatsapp:", "")));

        InboundMessage message = (InboundMessage) parser.parse(form).get(0);

        assertThat(message.text()).isEqualTo("test");
        assertThat(message.externalId()).isEqualTo("SM892512e202b34d4109b10a3893fa9640");
        assertThat(message.from()).isEqualTo(Address.phone("+31612345678"));
        assertThat(message.ourAddress()).isEqualTo("+14123456789");
        assertThat(message.threadHint().replyToIds()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop ", "STOPALL", "UNSUBSCRIBE", "cancel", "END", "quit"})
    void optOutKeyword_alsoMarksTheNumberUnreachable(String body) throws Exception {
        List<ChannelEvent> events = parser.parse(sms(body));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(InboundMessage.class);
        ReachabilityChange change = (ReachabilityChange) events.get(1);
        assertThat(change.reachable()).isFalse();
        assertThat(change.address()).isEqualTo(Address.phone("+14155552671"));
        assertThat(change.reason()).startsWith("opted out by replying ").isEqualTo(
                "opted out by replying " + body.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "yes", "Unstop"})
    void optInKeyword_marksTheNumberReachableAgain(String body) throws Exception {
        List<ChannelEvent> events = parser.parse(sms(body));

        assertThat(events).hasSize(2);
        ReachabilityChange change = (ReachabilityChange) events.get(1);
        assertThat(change.reachable()).isTrue();
        assertThat(change.reason()).isNull();
    }

    @Test
    void keywordInsideASentence_isJustText() throws Exception {
        assertThat(parser.parse(sms("please stop calling me"))).hasSize(1);
    }

    @Test
    void missingMessageSid_isUnprocessable() {
        Map<String, List<String>> form = new LinkedHashMap<>(sms("hi"));
        form.remove("MessageSid");
        form.remove("SmsMessageSid");

        assertThatThrownBy(() -> parser.parse(form))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("MessageSid");
    }

    @Test
    void missingFrom_isUnprocessable() {
        Map<String, List<String>> form = new LinkedHashMap<>(sms("hi"));
        form.remove("From");

        assertThatThrownBy(() -> parser.parse(form))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("without From");
    }

    @Test
    void corpusJunkForm_isUnprocessable() {
        assertThatThrownBy(() -> parser.parse(
                TwilioCorpus.form("processactivity_should_fail_if_request_is_not_from_twilio")))
                .isInstanceOf(UnprocessablePayloadException.class);
    }
}
