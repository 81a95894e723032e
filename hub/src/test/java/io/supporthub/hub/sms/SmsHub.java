package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.sms.FakeTwilioApi;
import io.supporthub.channels.sms.TwilioSettings;
import io.supporthub.channels.sms.TwilioWebhookSigner;
import io.supporthub.hub.support.TestHub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A hub whose SMS channel is the real Twilio one, talking to a {@link FakeTwilioApi}, with webhook helpers. */
final class SmsHub implements AutoCloseable {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "hub-test-token";
    static final String PUBLIC_URL = "https://support.example.test";
    static final String OUR_NUMBER = "+15550001111";

    final FakeTwilioApi twilio = FakeTwilioApi.start(ACCOUNT_SID, AUTH_TOKEN);
    final TestHub hub;
    private final HttpClient http = HttpClient.newHttpClient();

    SmsHub() {
        hub = new TestHub(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT_SID, "TWILIO_AUTH_TOKEN", AUTH_TOKEN,
                "TWILIO_FROM", OUR_NUMBER, "TWILIO_API_URL", twilio.baseUrl(), "PUBLIC_URL", PUBLIC_URL),
                false, Instant.parse("2026-11-28T10:00:00Z"), Set.of(ChannelKind.SMS));
        hub.logIn();
    }

    /** A customer's SMS, signed as Twilio signs it. */
    TestHub.Response inbound(String sid, String from, String to, String body) {
        return inbound(Map.of("MessageSid", sid, "From", from, "To", to, "Body", body, "NumMedia", "0"));
    }

    TestHub.Response inbound(Map<String, String> form) {
        return signedPost(TwilioSettings.INBOUND_PATH, form);
    }

    TestHub.Response status(String sid, String status) {
        return signedPost(TwilioSettings.STATUS_PATH, Map.of("MessageSid", sid, "MessageStatus", status,
                "AccountSid", ACCOUNT_SID));
    }

    TestHub.Response signedPost(String path, Map<String, String> form) {
        String signature = TwilioWebhookSigner.signSingle(AUTH_TOKEN, PUBLIC_URL + path, form);
        return post(path, form, signature);
    }

    /** Posts a form as Twilio does, with the given signature header (none when null). */
    TestHub.Response post(String path, Map<String, String> form, String signature) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestHub.Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends what the outbox holds, a few seconds later (the long-code rate limit allows one segment a second). */
    int drain() {
        hub.clock.advance(Duration.ofSeconds(5));
        return hub.drainOutbox();
    }

    JsonNode ticket(long id) {
        return hub.get("/api/tickets/" + id).json();
    }

    /** The ticket of the stored message with this MessageSid. */
    long ticketOf(String sid) {
        return hub.app.transactions().read(handle -> handle.createQuery(
                        "select ticket_id from message where channel = 'sms' and external_id = :sid")
                .bind("sid", sid).mapTo(Long.class).one());
    }

    int count(String sql) {
        return hub.app.transactions().read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    List<String> strings(String sql) {
        return hub.app.transactions().read(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    List<FakeTwilioApi.SentMessage> sentTo(String number) {
        return twilio.sentMessages().stream().filter(m -> m.to().equals(number)).toList();
    }

    @Override
    public void close() {
        hub.close();
        twilio.close();
    }
}
