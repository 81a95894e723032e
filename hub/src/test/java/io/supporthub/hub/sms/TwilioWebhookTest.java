package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.sms.TwilioInboundParser;
import io.supporthub.channels.sms.TwilioSettings;
import io.supporthub.channels.sms.TwilioWebhookSigner;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioWebhookTest {

    static SmsHub sms;

    @BeforeAll
    static void start() {
        sms = new SmsHub();
    }

    @AfterAll
    static void stop() {
        sms.close();
    }

    @Test
    void signedInboundSms_opensTicket_andAnswersEmptyTwiml() {
        TestHub.Response response = sms.inbound("SM00000000000000000000000000000001", "+14155552671", SmsHub.OUR_NUMBER,
                "My card was charged twice");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(response.body()).isEqualTo(TwilioInboundParser.EMPTY_TWIML);
        JsonNode ticket = sms.ticket(sms.ticketOf("SM00000000000000000000000000000001"));
        assertThat(ticket.get("channel").asText()).isEqualTo("sms");
        assertThat(ticket.get("messages")).singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).isEqualTo("My card was charged twice"));
    }

    @Test
    void missingSignature_is401_wrongSignature_is403_andNothingIsStored() {
        Map<String, String> form = Map.of("MessageSid", "SM00000000000000000000000000000002", "From", "+14155552672",
                "To", SmsHub.OUR_NUMBER, "Body", "forged", "NumMedia", "0");
        String signedForAnotherUrl = TwilioWebhookSigner.signSingle(SmsHub.AUTH_TOKEN,
                "https://elsewhere.example" + TwilioSettings.INBOUND_PATH, form);

        assertThat(sms.post(TwilioSettings.INBOUND_PATH, form, null).status()).isEqualTo(401);
        assertThat(sms.post(TwilioSettings.INBOUND_PATH, form, signedForAnotherUrl).status()).isEqualTo(403);
        assertThat(sms.post(TwilioSettings.STATUS_PATH, Map.of("MessageSid", "SMx", "MessageStatus", "delivered"),
                "bm90IGEgc2lnbmF0dXJl").status()).isEqualTo(403);
        assertThat(sms.count("select count(*) from message where external_id = 'SM00000000000000000000000000000002'"))
                .isZero();
    }

    @Test
    void redeliveredMessageSid_changesNothing() {
        String sid = "SM00000000000000000000000000000003";
        assertThat(sms.inbound(sid, "+14155552673", SmsHub.OUR_NUMBER, "Hello?").status()).isEqualTo(200);
        long ticketId = sms.ticketOf(sid);
        JsonNode before = sms.ticket(ticketId);

        assertThat(sms.inbound(sid, "+14155552673", SmsHub.OUR_NUMBER, "Hello?").status()).isEqualTo(200);

        JsonNode after = sms.ticket(ticketId);
        assertThat(after.get("messages")).hasSize(1);
        assertThat(after.get("status")).isEqualTo(before.get("status"));
        assertThat(after.get("timeline")).hasSameSizeAs(before.get("timeline"));
    }

    @Test
    void mms_isStoredWithItsMediaAsAttachment() {
        String sid = "MM00000000000000000000000000000004";
        byte[] photo = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
        String mediaUrl = sms.twilio.addMedia(sid, photo, "image/jpeg");

        TestHub.Response response = sms.inbound(Map.of("MessageSid", sid, "From", "+14155552674",
                "To", SmsHub.OUR_NUMBER, "Body", "See the damage", "NumMedia", "1",
                "MediaUrl0", mediaUrl, "MediaContentType0", "image/jpeg"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode message = sms.ticket(sms.ticketOf(sid)).get("messages").get(0);
        assertThat(message.get("attachments")).singleElement().satisfies(a -> {
            assertThat(a.get("contentType").asText()).isEqualTo("image/jpeg");
            assertThat(a.get("sizeBytes").asLong()).isEqualTo(photo.length);
        });
    }

    @Test
    void unprocessablePayload_isKeptAside_andAcknowledged() {
        TestHub.Response response = sms.inbound(Map.of("MessageSid", "SM00000000000000000000000000000005",
                "From", "whatsapp:+14155552675", "To", SmsHub.OUR_NUMBER, "Body", "hi", "NumMedia", "0"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(sms.strings("select reason from unprocessed_payload where channel = 'sms'"))
                .anySatisfy(reason -> assertThat(reason).contains("WhatsApp"));
    }

    @Test
    void deliveryStates_moveForwardOnly_evenOutOfOrder() {
        String sid = "SM00000000000000000000000000000006";
        sms.inbound(sid, "+14155552676", SmsHub.OUR_NUMBER, "Is my order shipped?");
        long ticketId = sms.ticketOf(sid);
        assertThat(sms.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Yes, today.")).status())
                .isEqualTo(201);
        assertThat(sms.drain()).isEqualTo(1);
        String outSid = sms.sentTo("+14155552676").get(0).sid();
        assertThat(lastDeliveryState(ticketId)).isEqualTo("queued");

        assertThat(sms.status(outSid, "delivered").status()).isEqualTo(200);
        assertThat(sms.status(outSid, "sent").status()).isEqualTo(200);

        assertThat(lastDeliveryState(ticketId)).isEqualTo("delivered");
    }

    @Test
    void failedStatus_carriesTwilioReason() {
        String sid = "SM00000000000000000000000000000007";
        sms.inbound(sid, "+14155552677", SmsHub.OUR_NUMBER, "Call me");
        long ticketId = sms.ticketOf(sid);
        sms.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "We will."));
        sms.drain();
        String outSid = sms.sentTo("+14155552677").get(0).sid();

        sms.signedPost(TwilioSettings.STATUS_PATH, Map.of("MessageSid", outSid, "MessageStatus", "undelivered",
                "ErrorCode", "30003", "ErrorMessage", "Unreachable destination handset"));

        JsonNode last = lastOut(ticketId);
        assertThat(last.get("deliveryState").asText()).isEqualTo("failed");
        assertThat(last.get("deliveryError").asText()).contains("30003");
    }

    private static String lastDeliveryState(long ticketId) {
        return lastOut(ticketId).get("deliveryState").asText();
    }

    private static JsonNode lastOut(long ticketId) {
        JsonNode messages = sms.ticket(ticketId).get("messages");
        return messages.get(messages.size() - 1);
    }
}
