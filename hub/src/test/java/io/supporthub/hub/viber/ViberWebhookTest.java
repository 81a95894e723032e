package io.supporthub.hub.viber;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.viber.FakeViberApi;
import io.supporthub.hub.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Viber webhook in a whole hub, fed with the corpus of Viber callbacks, against the fake Viber API. */
class ViberWebhookTest {

    private static final String NODE = "viber-bot-node/message-factory-test_testBuild";
    private static final String PY = "viber-bot-python/";
    private static ViberHub viber;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        viber = new ViberHub();
    }

    @AfterAll
    static void stop() {
        viber.close();
    }

    @Test
    void webhook_isRegisteredOnceTheServerListens_withTheEventsWeHandle() {
        assertThat(viber.viber.webhook()).isEqualTo(viber.webhook());
        assertThat(viber.viber.eventTypes()).contains("conversation_started", "unsubscribed", "delivered", "seen", "failed");
    }

    @Test
    void missingSignature_is401_wrongSignature_is403_andNothingIsStored() throws Exception {
        String user = viber.newUser();
        String body = ViberHub.callback(PY + "test_viber_message_request.SAMPLE_REQUEST.json", user, viber.viber.nextToken());
        HttpRequest.Builder request = HttpRequest.newBuilder(viber.webhook()).POST(HttpRequest.BodyPublishers.ofString(body));
        assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = http.send(request.header("X-Viber-Content-Signature",
                FakeViberApi.sign("some other token", body.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(wrong.body()).get("error").asText()).isEqualTo("forbidden");
        assertThat(viber.storedMessages(user)).isZero();
    }

    @Test
    void signatureOverTheExactBytes_acceptsAReformattedBodySignedAsSent() throws Exception {
        String user = viber.newUser();
        String spaced = ViberHub.callback(PY + "unicode_request.json", user, viber.viber.nextToken()); // indented, UTF-8
        assertThat(viber.post(spaced).statusCode()).isEqualTo(200);
        JsonNode ticket = viber.onlyTicket(user);
        assertThat(ticket.get("messages").get(0).get("text").asText()).startsWith("批封廟根縄華勢田郎報株聞");
    }

    @Test
    void textMessage_opensTicket_andARedeliveredMessageTokenChangesNothing() throws Exception {
        String user = viber.newUser();
        String body = ViberHub.callback(PY + "test_viber_message_request.SAMPLE_REQUEST.json", user, viber.viber.nextToken());
        assertThat(viber.post(body).statusCode()).isEqualTo(200);
        assertThat(viber.post(body).statusCode()).isEqualTo(200);
        assertThat(viber.ticketIds(user)).hasSize(1);
        JsonNode ticket = viber.onlyTicket(user);
        assertThat(ticket.get("messages")).hasSize(1);
        assertThat(ticket.get("messages").get(0).get("text").asText()).isEqualTo("HI!");
        assertThat(ticket.get("channel").asText()).isEqualTo("viber");
        assertThat(ticket.get("contact").get("name").asText()).isEqualTo("viberUser");
    }

    @Test
    void bigMessageToken_isKeptToTheLastDigit() throws Exception {
        String user = viber.newUser();
        long token = 9_007_199_254_740_993L; // 2^53 + 1: a double would make it ...992
        assertThat(viber.post(ViberHub.callback(NODE + "TextMessageSanity.json", user, token)).statusCode()).isEqualTo(200);
        String stored = viber.hub.app.transactions().read(handle -> handle.createQuery("select m.external_id from message m "
                        + "join contact_address a on a.id = m.address_id where a.value = :user")
                .bind("user", user).mapTo(String.class).one());
        assertThat(stored).isEqualTo("9007199254740993");
        assertThat(viber.post(ViberHub.callback(NODE + "TextMessageSanity.json", user, token)).statusCode()).isEqualTo(200);
        assertThat(viber.storedMessages(user)).isEqualTo(1);
    }

    @Test
    void picture_isFetchedIntoAnAttachment_withItsCaption() throws Exception {
        String user = viber.newUser();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01, 0x02};
        URI media = viber.viber.putMedia("photo-" + user + ".jpg", "image/jpeg", jpeg);
        String body = ViberHub.callback(NODE + "PictureMessageSanity.json", user, viber.viber.nextToken())
                .replace("\"http://viber.com\"", "\"" + media + "\"");
        assertThat(viber.post(body).statusCode()).isEqualTo(200);
        JsonNode message = viber.onlyTicket(user).get("messages").get(0);
        assertThat(message.get("text").asText()).isEqualTo("hello");
        assertThat(message.get("attachments").get(0).get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(message.get("attachments").get(0).get("sizeBytes").asLong()).isEqualTo(jpeg.length);
    }

    @Test
    void file_isFetchedWithItsName() throws Exception {
        String user = viber.newUser();
        URI media = viber.viber.putMedia("f-" + user, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        String body = ViberHub.callback(NODE + "FileMessageSanity.json", user, viber.viber.nextToken())
                .replace("\"http://viber.com\"", "\"" + media + "\"");
        assertThat(viber.post(body).statusCode()).isEqualTo(200);
        JsonNode file = viber.onlyTicket(user).get("messages").get(0).get("attachments").get(0);
        assertThat(file.get("fileName").asText()).isEqualTo("test.com");
        assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
    }

    @Test
    void mediaServerDown_answers5xx_soViberRetries_andTheRetrySucceeds() throws Exception {
        String user = viber.newUser();
        String name = "down-" + user + ".mp4";
        URI broken = viber.viber.failMedia(name, 500);
        String body = ViberHub.callback(NODE + "VideoMessageSanity.json", user, viber.viber.nextToken())
                .replace("\"http://viber.com\"", "\"" + broken + "\"");
        assertThat(viber.post(body).statusCode()).isEqualTo(503);
        assertThat(viber.storedMessages(user)).isZero();
        viber.viber.putMedia(name, "video/mp4", new byte[] {0, 0, 0, 24});
        assertThat(viber.post(body).statusCode()).isEqualTo(200);
        assertThat(viber.onlyTicket(user).get("messages").get(0).get("attachments")).hasSize(1);
    }

    @Test
    void contactLocationStickerAndUrl_becomeReadableText() throws Exception {
        Map<String, String> expected = Map.of(
                "ContactMessageSanity.json", "Contact: idan",
                "LocationMessageSanity.json", "Location: 1234",
                "StickerMessageSanity.json", "sticker",
                "UrlMessageSanity.json", "http://viber.com");
        for (Map.Entry<String, String> kind : expected.entrySet()) {
            String user = viber.newUser();
            assertThat(viber.post(ViberHub.callback(NODE + kind.getKey(), user, viber.viber.nextToken())).statusCode())
                    .isEqualTo(200);
            assertThat(viber.onlyTicket(user).get("messages").get(0).get("text").asText())
                    .as(kind.getKey()).contains(kind.getValue());
        }
    }

    @Test
    void conversationStarted_isAnsweredWithTheGreetingAndTheMenu_inTheCustomersLanguage() throws Exception {
        String user = viber.newUser();
        String body = ViberHub.callback(PY + "test_viber_conversation_started_request.SAMPLE_REQUEST.json", user, 1)
                .replace("\"language\": \"en\"", "\"language\": \"fr\"");
        HttpResponse<String> response = viber.post(body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode welcome = Json.MAPPER.readTree(response.body());
        assertThat(welcome.get("type").asText()).isEqualTo("text");
        assertThat(welcome.get("sender").get("name").asText()).isEqualTo("Support");
        assertThat(welcome.get("text").asText()).startsWith("Bonjour");
        assertThat(welcome.get("keyboard").get("Buttons").findValuesAsText("ActionBody"))
                .containsExactly("menu:new", "menu:list", "menu:close");
        assertThat(viber.ticketIds(user)).isEmpty();
        assertThat(viber.viber.messagesTo(user)).isEmpty();
    }

    @Test
    void unsubscribed_marksTheAddressUnreachable_inTheTicketJson_andSubscribedClearsIt() throws Exception {
        String user = viber.newUser();
        viber.text(user, "Hello, my order is late");
        viber.post(ViberHub.callback(PY + "test_viber_unsubscribed_request.SAMPLE_REQUEST.json", user, 0));
        JsonNode address = viber.onlyTicket(user).get("contact").get("addresses").get(0);
        assertThat(address.get("reachable").asBoolean()).isFalse();
        assertThat(address.get("unreachableReason").asText()).isEqualTo("unsubscribed from the bot");

        viber.post(ViberHub.callback(PY + "test_viber_subscribed_request.SAMPLE_REQUEST.json", user, 0));
        assertThat(viber.onlyTicket(user).get("contact").get("addresses").get(0).get("reachable").asBoolean())
                .isTrue();
    }

    @Test
    void deliveredThenSeen_moveTheDeliveryState_andALateFailureDoesNotMoveItBack() throws Exception {
        String user = viber.newUser();
        viber.text(user, "Is the shop open on Sunday?");
        long ticketId = viber.ticketIds(user).get(0);
        assertThat(viber.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Yes, 10 to 16.")).status()).isEqualTo(201);
        viber.hub.drainOutbox();
        String token = lastOutgoingToken(ticketId);

        viber.post(delivery("test_viber_delivered_request.SAMPLE_REQUEST.json", user, token));
        assertThat(lastOutgoing(ticketId).get("deliveryState").asText()).isEqualTo("delivered");
        viber.post(delivery("test_viber_seen_request.SAMPLE_REQUEST.json", user, token));
        assertThat(lastOutgoing(ticketId).get("deliveryState").asText()).isEqualTo("read");
        viber.post(delivery("test_viber_failed_request.SAMPLE_REQUEST.json", user, token));
        assertThat(lastOutgoing(ticketId).get("deliveryState").asText()).isEqualTo("read");
    }

    @Test
    void failed_marksOurMessageFailed_withViberReason() throws Exception {
        String user = viber.newUser();
        viber.text(user, "Please call me back");
        long ticketId = viber.ticketIds(user).get(0);
        viber.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "We will call at 3 pm."));
        viber.hub.drainOutbox();
        viber.post(delivery("test_viber_failed_request.SAMPLE_REQUEST.json", user, lastOutgoingToken(ticketId)));
        JsonNode message = lastOutgoing(ticketId);
        assertThat(message.get("deliveryState").asText()).isEqualTo("failed");
        assertThat(message.get("deliveryError").asText()).contains("failure desc");
    }

    @Test
    void notSubscribedOnSend_marksTheContactUnreachableOnViber() throws Exception {
        String user = viber.newUser();
        viber.text(user, "Where is my parcel?");
        long ticketId = viber.ticketIds(user).get(0);
        viber.viber.failSendsTo(user, 6, "notSubscribed");
        viber.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "On its way."));
        viber.hub.drainOutbox();
        JsonNode ticket = viber.ticket(ticketId);
        assertThat(lastOutgoing(ticketId).get("deliveryState").asText()).isEqualTo("failed");
        assertThat(ticket.get("contact").get("addresses").get(0).get("reachable").asBoolean()).isFalse();
    }

    @Test
    void unprocessablePayload_isAcknowledged_andKeptAside() throws Exception {
        int before = keptAside();
        HttpResponse<String> response = viber.post(ViberHub.corpus(PY + "test_create_request.test_create_request_missing_event__INVALID.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(keptAside()).isEqualTo(before + 1);
    }

    @Test
    void signedMediaLink_servesTheStoredFile_andATamperedOneIs404() throws Exception {
        String user = viber.newUser();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 7, 7};
        URI media = viber.viber.putMedia("p-" + user + ".png", "image/png", png);
        viber.post(ViberHub.callback(NODE + "PictureMessageSanity.json", user, viber.viber.nextToken())
                .replace("\"http://viber.com\"", "\"" + media + "\""));
        long messageId = viber.onlyTicket(user).get("messages").get(0).get("id").asLong();
        io.supporthub.channels.viber.SignedMediaUrls urls = new io.supporthub.channels.viber.SignedMediaUrls(
                URI.create(viber.hub.url("/media")), ViberHub.MEDIA_SECRET.getBytes(StandardCharsets.UTF_8),
                ViberChannel.MEDIA_LINK_LIFETIME, viber.hub.clock);
        URI link = urls.urlFor(io.supporthub.channels.OutboundMessage.text(messageId,
                io.supporthub.channels.Address.viber(user), ""), 0, io.supporthub.channels.Attachment.of("p.png", "image/png", png));
        HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(png);
        URI tampered = URI.create(link.toString().replace("/" + messageId + "/", "/" + (messageId + 1) + "/"));
        assertThat(http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode())
                .isEqualTo(404);
    }

    private static String delivery(String file, String user, String token) {
        return ViberHub.callback(PY + file, user, 0).replace("\"0\"", token);
    }

    private static String lastOutgoingToken(long ticketId) {
        return viber.hub.app.transactions().read(handle -> handle.createQuery("select external_id from message "
                        + "where ticket_id = :id and direction = 'out' order by id desc limit 1")
                .bind("id", ticketId).mapTo(String.class).one());
    }

    private static JsonNode lastOutgoing(long ticketId) {
        List<JsonNode> out = new java.util.ArrayList<>();
        viber.ticket(ticketId).get("messages").forEach(m -> {
            if ("out".equals(m.get("direction").asText())) {
                out.add(m);
            }
        });
        return out.get(out.size() - 1);
    }

    private static int keptAside() {
        return viber.hub.app.transactions().read(handle -> handle.createQuery(
                "select count(*) from unprocessed_payload where channel = 'viber'").mapTo(Integer.class).one());
    }
}
