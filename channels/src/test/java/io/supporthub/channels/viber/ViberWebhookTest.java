package io.supporthub.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.channels.DeliveryUpdate;
import io.supporthub.channels.InboundMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registration and callbacks end to end: the fake Viber API calling a loopback webhook route. */
class ViberWebhookTest {

    private static final String TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";

    private final FakeViberApi viber = FakeViberApi.start(TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();
    private final LoopbackWebhook hub;
    private final ViberSettings settings;
    private final ViberApi api;

    ViberWebhookTest() throws Exception {
        ViberSettings unbound = viber.settings(URI.create("http://unused"));
        hub = new LoopbackWebhook(new ViberSignatureVerifier(TOKEN),
                new ViberCallbackParser(unbound, new HttpMediaDownloader(Duration.ofSeconds(5)), null,
                        Clock.systemUTC()),
                new ViberWelcome(unbound));
        settings = viber.settings(hub.publicUrl());
        api = new ViberApi(settings, http, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        hub.close();
        viber.close();
    }

    @Test
    void register_setsTheWebhookWithOurEvents_afterViberCheckedIt() throws Exception {
        ViberWebhookRegistrar.Registration registration = new ViberWebhookRegistrar(api).register();
        assertThat(registration.ok()).as(registration.message()).isTrue();
        assertThat(registration.url()).isEqualTo(URI.create(hub.publicUrl() + "/webhooks/viber"));
        assertThat(viber.webhook()).isEqualTo(registration.url());
        assertThat(viber.eventTypes()).containsExactly(
                "delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started");
        JsonNode body = new ObjectMapper().readTree(viber.requests().get(0).body());
        assertThat(body.get("send_name").asBoolean()).isTrue();
        assertThat(body.get("send_photo").asBoolean()).isTrue();
        assertThat(hub.events).isEmpty(); // the webhook check carries no events
        assertThat(api.getAccountInfo().body().get("webhook").asText()).isEqualTo(registration.url().toString());
    }

    @Test
    void register_whenTheHubDoesNotAnswerTheCheck_explainsTheFailure() throws Exception {
        hub.forceStatus(500);
        ViberWebhookRegistrar.Registration registration = new ViberWebhookRegistrar(api).register();
        assertThat(registration.ok()).isFalse();
        assertThat(registration.message()).contains("Viber refused the webhook").contains("status 1")
                .contains("https");
        assertThat(viber.webhook()).isNull();
    }

    @Test
    void register_withAWrongToken_pointsTheAdminAtTheToken() throws Exception {
        ViberSettings wrong = new ViberSettings("wrong", "Support", null, viber.apiUrl(), hub.publicUrl(), 0);
        ViberWebhookRegistrar.Registration registration =
                new ViberWebhookRegistrar(new ViberApi(wrong, http)).register();
        assertThat(registration.ok()).isFalse();
        assertThat(registration.message()).contains("status 2").contains("VIBER_AUTH_TOKEN");
    }

    @Test
    void register_whenViberIsUnreachable_saysSo() throws Exception {
        viber.close();
        ViberWebhookRegistrar.Registration registration = new ViberWebhookRegistrar(api).register();
        assertThat(registration.ok()).isFalse();
        assertThat(registration.message()).startsWith("could not register the Viber webhook");
    }

    @Test
    void signedMessageCallback_isAccepted_andRedeliveryCarriesTheSameId() throws Exception {
        String body = "{\"event\":\"message\",\"timestamp\":1457764197627,\"message_token\":4912661846655238145,"
                + "\"sender\":{\"id\":\"01234567890A=\",\"name\":\"Ann\"},\"message\":{\"type\":\"text\",\"text\":\"Hi\"}}";
        assertThat(viber.postCallback(settings.webhookUrl(), body).statusCode()).isEqualTo(200);
        assertThat(viber.postCallback(settings.webhookUrl(), body).statusCode()).isEqualTo(200);
        assertThat(hub.events).hasSize(2).allSatisfy(e ->
                assertThat(((InboundMessage) e).externalId()).isEqualTo("4912661846655238145"));
    }

    @Test
    void corpusDeliveryCallback_isAccepted() throws Exception {
        String body = new String(ViberCorpus.bytes("viber-bot-python/test_viber_seen_request.SAMPLE_REQUEST.json"),
                StandardCharsets.UTF_8);
        assertThat(viber.postCallback(settings.webhookUrl(), body).statusCode()).isEqualTo(200);
        assertThat(hub.events).singleElement().isInstanceOf(DeliveryUpdate.class);
    }

    @Test
    void conversationStarted_isAnsweredWithTheWelcomeMessage() throws Exception {
        String body = new String(ViberCorpus.bytes(
                "viber-bot-python/test_viber_conversation_started_request.SAMPLE_REQUEST.json"), StandardCharsets.UTF_8);
        HttpResponse<String> response = viber.postCallback(settings.webhookUrl(), body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode welcome = new ObjectMapper().readTree(response.body());
        assertThat(welcome.get("type").asText()).isEqualTo("text");
        assertThat(welcome.get("text").asText()).isEqualTo("Welcome! How can we help?");
        assertThat(welcome.get("sender").get("name").asText()).isEqualTo("Support");
        assertThat(welcome.get("keyboard").get("Buttons").get(0).get("ActionBody").asText()).isEqualTo("menu:new");
    }

    @Test
    void missingSignature_gets401_andWrongSignature_gets403() throws Exception {
        byte[] body = "{\"event\":\"webhook\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest unsigned = HttpRequest.newBuilder(settings.webhookUrl())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpRequest forged = HttpRequest.newBuilder(settings.webhookUrl())
                .header("x-viber-content-signature", FakeViberApi.sign("another token", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        assertThat(http.send(unsigned, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        assertThat(http.send(forged, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        assertThat(hub.events).isEmpty();
    }

    @Test
    void callbackWithoutEvent_isAcknowledgedAndKeptAside() throws Exception {
        String body = new String(ViberCorpus.bytes(
                "viber-bot-python/test_create_request.test_create_request_missing_event__INVALID.json"), StandardCharsets.UTF_8);
        assertThat(viber.postCallback(settings.webhookUrl(), body).statusCode()).isEqualTo(200);
        assertThat(hub.keptAside).containsExactly("request is missing field 'event'");
    }

    @Test
    void mediaThatCannotBeFetchedNow_gets503_soViberRetries() throws Exception {
        URI media = viber.failMedia("p.jpg", 500);
        String body = "{\"event\":\"message\",\"message_token\":1,\"sender\":{\"id\":\"u=\"},"
                + "\"message\":{\"type\":\"picture\",\"text\":\"\",\"media\":\"" + media + "\"}}";
        assertThat(viber.postCallback(settings.webhookUrl(), body).statusCode()).isEqualTo(503);
    }
}
