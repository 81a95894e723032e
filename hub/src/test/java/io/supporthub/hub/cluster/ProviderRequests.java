package io.supporthub.hub.cluster;

import io.supporthub.channels.sms.TwilioSettings;
import io.supporthub.channels.sms.TwilioSignatureVerifier;
import io.supporthub.channels.sms.TwilioWebhookSigner;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.channels.viber.FakeViberApi;
import io.supporthub.channels.viber.ViberSignatureVerifier;
import io.supporthub.hub.web.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Customer messages as each provider posts them to a node, signed as it signs them: one request, to be sent to
 * whichever node the load balancer picks (and again, unchanged, when a provider redelivers).
 */
final class ProviderRequests {

    private ProviderRequests() {
    }

    /** One message a provider delivers: its channel, the id the hub dedupes on, and the request that carries it. */
    record Delivery(String channel, String externalId, Function<URI, HttpRequest> request) {
    }

    static Delivery generic(int customer, int n) {
        String id = "api-" + n;
        String body = json(Map.of("from", Map.of("name", "Api Customer " + customer, "email", "api-" + customer + "@customers.test"),
                "externalId", id, "text", "Generic message " + n));
        return new Delivery("api", id, base -> post(base, "/api/inbound", "application/json", body)
                .header("X-Api-Key", ClusterSettings.API_KEY).build());
    }

    static Delivery telegram(int customer, int n) {
        long chatId = 700_000 + customer;
        // In a chat the customer's and the bot's messages share one sequence of ids; the fake numbers the bot's from 1.
        long messageId = 1_000_000 + n;
        String body = """
                {"update_id": %d, "message": {"message_id": %d, "date": 1764320000, "text": "Telegram message %d",
                 "from": {"id": %d, "is_bot": false, "first_name": "Tg", "last_name": "Customer%d", "language_code": "en"},
                 "chat": {"id": %d, "first_name": "Tg", "last_name": "Customer%d", "type": "private"}}}"""
                .formatted(100_000 + n, messageId, n, chatId, customer, chatId, customer);
        return new Delivery("telegram", chatId + ":" + messageId, base -> post(base, "/webhooks/telegram", "application/json", body)
                .header(TelegramWebhookVerifier.HEADER, ClusterSettings.TELEGRAM_SECRET).build());
    }

    static Delivery viber(int customer, int n) {
        long token = 6_000_000_000_000_000_000L + n;
        String body = """
                {"event": "message", "timestamp": 1764320000000, "message_token": %d,
                 "sender": {"id": "%s", "name": "Viber Customer %d", "language": "en", "api_version": 10},
                 "message": {"type": "text", "text": "Viber message %d"}}""".formatted(token, viberUser(customer), customer, n);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = FakeViberApi.sign(ClusterSettings.VIBER_TOKEN, bytes);
        return new Delivery("viber", Long.toString(token), base -> post(base, "/webhooks/viber", "application/json", body)
                .header(ViberSignatureVerifier.HEADER, signature).build());
    }

    static String viberUser(int customer) {
        return "viber-customer-" + customer + "==";
    }

    static Delivery sms(int customer, int n) {
        String sid = "SM%032x".formatted(n);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("AccountSid", ClusterSettings.TWILIO_SID);
        form.put("From", smsCustomer(customer));
        form.put("To", ClusterSettings.OUR_NUMBER);
        form.put("Body", "SMS message " + n);
        form.put("NumMedia", "0");
        String signature = TwilioWebhookSigner.signSingle(ClusterSettings.TWILIO_TOKEN,
                ClusterSettings.PUBLIC_URL + TwilioSettings.INBOUND_PATH, form);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Delivery("sms", sid, base -> post(base, TwilioSettings.INBOUND_PATH, "application/x-www-form-urlencoded", body)
                .header(TwilioSignatureVerifier.HEADER, signature).build());
    }

    static String smsCustomer(int customer) {
        return "+1415200%04d".formatted(customer);
    }

    private static HttpRequest.Builder post(URI base, String path, String contentType, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
