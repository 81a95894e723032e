package io.supporthub.hub.outage;

import io.supporthub.channels.sms.TwilioSettings;
import io.supporthub.channels.sms.TwilioWebhookSigner;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.channels.viber.FakeViberApi;
import io.supporthub.channels.viber.ViberSettings;
import io.supporthub.channels.viber.ViberSignatureVerifier;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.web.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calls each provider makes to the hub, in its wire format and signed as it signs them; each returns the HTTP
 * status the hub answered, or throws when the hub could not be reached or did not answer in time.
 */
final class Webhooks {

    /** Longer than any answer may take: an answer this late is a request that hung. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    private final OutageHub outage;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Webhooks(OutageHub outage) {
        this.outage = outage;
    }

    int telegram(long updateId, long chatId, long messageId, String text) throws IOException, InterruptedException {
        String update = """
                {"update_id": %d, "message": {"message_id": %d, "date": 1764320000, "text": %s,
                 "from": {"id": %d, "is_bot": false, "first_name": "Tess", "language_code": "en"},
                 "chat": {"id": %d, "first_name": "Tess", "type": "private"}}}"""
                .formatted(updateId, messageId, quoted(text), chatId, chatId);
        return post("/webhooks/telegram", "application/json", update,
                Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET));
    }

    int viber(String user, long token, String text) throws IOException, InterruptedException {
        String callback = """
                {"event": "message", "timestamp": %d, "message_token": %d,
                 "sender": {"id": %s, "name": "Vic"}, "message": {"type": "text", "text": %s}}"""
                .formatted(System.currentTimeMillis(), token, quoted(user), quoted(text));
        String signature = FakeViberApi.sign(OutageHub.VIBER_TOKEN, callback.getBytes(StandardCharsets.UTF_8));
        return post(ViberSettings.WEBHOOK_PATH, "application/json", callback,
                Map.of(ViberSignatureVerifier.HEADER, signature));
    }

    int twilio(String messageSid, String from, String text) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", messageSid);
        form.put("AccountSid", OutageHub.TWILIO_ACCOUNT);
        form.put("From", from);
        form.put("To", OutageHub.OUR_NUMBER);
        form.put("Body", text);
        form.put("NumMedia", "0");
        String signature = TwilioWebhookSigner.signSingle(OutageHub.TWILIO_TOKEN,
                OutageHub.PUBLIC_URL + TwilioSettings.INBOUND_PATH, form);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(TwilioSettings.INBOUND_PATH, "application/x-www-form-urlencoded", body,
                Map.of("X-Twilio-Signature", signature));
    }

    int generic(String externalId, String email, String text) throws IOException, InterruptedException {
        String body = Json.MAPPER.writeValueAsString(Map.of("externalId", externalId, "text", text,
                "from", Map.of("name", "Gen", "email", email)));
        return post("/api/inbound", "application/json", body, Map.of("X-Api-Key", TestHub.API_KEY));
    }

    private int post(String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(outage.hub.url(path)))
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String quoted(String text) throws IOException {
        return Json.MAPPER.writeValueAsString(text);
    }
}
