package io.supporthub.hub.channelevent;

import io.supporthub.channels.sms.TwilioWebhookSigner;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.viber.ViberSignatureVerifier;
import io.supporthub.hub.support.CapturedLogs;
import io.supporthub.hub.support.PublicRoutesHub;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is not what the provider sends: unsigned it is a 401, wrongly signed a 403, each with one log line and
 * no stack trace; signed (by whoever holds the secret) it is acknowledged and kept aside, never a 4xx, since the
 * provider would redeliver it and hold the chat back.
 */
class MalformedWebhookTest {

    private static final List<String> MALFORMED = List.of("", "{", "%zz=%", "not=a&form=%E0%A4%A", "[1,2]", "null",
            "\u0000\u0001\u0002", "{\"update_id\": \"x\"}", "{\"event\": 5}", "a".repeat(30_000));
    private static final List<String> WEBHOOKS = List.of("/webhooks/telegram", "/webhooks/twilio/sms",
            "/webhooks/twilio/status", "/webhooks/viber");
    private static final Map<String, String> SIGNATURE_HEADERS = Map.of("/webhooks/telegram", "X-Telegram-Bot-Api-Secret-Token",
            "/webhooks/twilio/sms", "X-Twilio-Signature", "/webhooks/twilio/status", "X-Twilio-Signature",
            "/webhooks/viber", ViberSignatureVerifier.HEADER);

    static PublicRoutesHub hubs;
    static TestHub hub;
    static CapturedLogs logs;

    @BeforeAll
    static void start() {
        hubs = new PublicRoutesHub();
        hub = hubs.hub;
        logs = new CapturedLogs();
    }

    @AfterAll
    static void stop() {
        logs.close();
        hubs.close();
    }

    @BeforeEach
    void forgetEarlierLines() {
        logs.clear();
    }

    @Test
    void an_unsigned_malformed_body_is_401_with_one_log_line_and_no_stack_trace() {
        for (String path : WEBHOOKS) {
            for (String body : MALFORMED) {
                logs.clear();
                TestHub.Response response = post(path, body, Map.of());
                assertThat(response.status()).as(path + " " + abbreviated(body)).isEqualTo(401);
                assertThat(response.json().path("error").asText()).isEqualTo("unauthorized");
                assertOneQuietLine(path, body);
            }
        }
    }

    @Test
    void a_wrongly_signed_malformed_body_is_403_with_one_log_line_and_no_stack_trace() {
        for (String path : WEBHOOKS) {
            for (String body : MALFORMED) {
                logs.clear();
                TestHub.Response response = post(path, body, Map.of(SIGNATURE_HEADERS.get(path), "d3JvbmcgZ3Vlc3M="));
                assertThat(response.status()).as(path + " " + abbreviated(body)).isEqualTo(403);
                assertThat(response.json().path("error").asText()).isEqualTo("forbidden");
                assertOneQuietLine(path, body);
            }
        }
    }

    @Test
    void a_signed_malformed_telegram_update_or_viber_callback_is_acknowledged_and_kept_aside() {
        ViberSignatureVerifier viber = new ViberSignatureVerifier(PublicRoutesHub.VIBER_TOKEN);
        for (String body : MALFORMED) {
            long before = keptAside();
            TestHub.Response telegram = post("/webhooks/telegram", body,
                    Map.of("X-Telegram-Bot-Api-Secret-Token", FakeTelegramBotApi.SECRET));
            assertThat(telegram.status()).as("telegram " + abbreviated(body)).isEqualTo(200);
            TestHub.Response viberAnswer = post("/webhooks/viber", body,
                    Map.of(ViberSignatureVerifier.HEADER, viber.sign(body.getBytes(StandardCharsets.UTF_8))));
            assertThat(viberAnswer.status()).as("viber " + abbreviated(body)).isEqualTo(200);
            assertThat(keptAside()).as(abbreviated(body)).isEqualTo(before + 2);
        }
        assertThat(logs.lines()).noneMatch(line -> !line.stackTrace().isEmpty());
    }

    @Test
    void a_signed_twilio_form_without_what_a_message_needs_is_acknowledged_and_kept_aside() {
        for (Map<String, String> form : List.<Map<String, String>>of(Map.of(), Map.of("MessageSid", "SM1"),
                Map.of("MessageSid", "SM\u0000x", "From", "not a phone", "To", "+15550001111", "Body", "hi"),
                Map.of("MessageSid", "SM2", "From", "+15550002222", "To", "+15550001111", "NumMedia", "x"))) {
            long before = keptAside();
            String signature = TwilioWebhookSigner.signSingle(PublicRoutesHub.TWILIO_TOKEN,
                    PublicRoutesHub.PUBLIC_URL + "/webhooks/twilio/sms", form);
            TestHub.Response response = post("/webhooks/twilio/sms", formBody(form),
                    Map.of("X-Twilio-Signature", signature));
            assertThat(response.status()).as(form.toString()).isEqualTo(200);
            assertThat(keptAside()).as(form.toString()).isEqualTo(before + 1);
        }
    }

    private static void assertOneQuietLine(String path, String body) {
        List<CapturedLogs.Line> lines = logs.lines();
        assertThat(lines).as(path + " " + abbreviated(body) + ": " + lines).hasSize(1);
        assertThat(lines.get(0).stackTrace()).isEmpty();
        assertThat(lines.get(0).level()).isNotEqualTo("ERROR");
    }

    private static TestHub.Response post(String path, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", path.contains("twilio") ? "application/x-www-form-urlencoded" : "application/json");
        return hub.request("POST", path, body, all);
    }

    private static long keptAside() {
        return hub.app.transactions().read(h -> h.createQuery("select count(*) from unprocessed_payload")
                .mapTo(Long.class).one());
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    }

    private static String abbreviated(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "..." : body;
    }
}
