package io.supporthub.hub.web;

import io.supporthub.channels.sms.TwilioWebhookSigner;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.viber.ViberSignatureVerifier;
import io.supporthub.hub.support.CapturedLogs;
import io.supporthub.hub.support.PublicRoutesHub;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No log line carries a password, a password hash, a session or API token, or a provider's secret: every line logged
 * while people log in (rightly and wrongly), make tokens, and providers call the webhooks (signed, unsigned, forged),
 * is searched for each of them.
 */
class SecretsInLogsTest {

    private static final String AGENT_PASSWORD = "agent password for the log test";
    private static final String NEW_PASSWORD = "a changed password for the log test";
    private static final String WRONG_PASSWORD = "a wrong guess at the password";
    private static final String FORGED_SECRET = "forged-telegram-secret-guess";

    @Test
    void no_log_line_contains_a_password_hash_token_or_secret() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(TestHub.ADMIN_PASSWORD, AGENT_PASSWORD, NEW_PASSWORD,
                WRONG_PASSWORD, FORGED_SECRET, TestHub.API_KEY, FakeTelegramBotApi.SECRET, PublicRoutesHub.TWILIO_TOKEN,
                PublicRoutesHub.VIBER_TOKEN));
        try (PublicRoutesHub hubs = new PublicRoutesHub(); CapturedLogs logs = new CapturedLogs()) {
            TestHub hub = hubs.hub;
            secrets.add(hubs.telegram.token());
            secrets.add(hubs.telegram.token().split(":", 2)[1]);

            hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL, "password", WRONG_PASSWORD));
            hub.post("/api/session", Map.of("email", "nobody@example.com", "password", WRONG_PASSWORD));
            TestHub.Response login = hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD));
            String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0].split("=", 2)[1];
            secrets.add(session);
            secrets.add(sha256(session));
            hub.logIn();
            long agentId = hub.post("/api/agents", Map.of("email", "logs@example.com", "name", "Logs",
                    "password", AGENT_PASSWORD)).json().path("id").asLong();
            hub.patch("/api/agents/" + agentId, Map.of("password", NEW_PASSWORD));
            String token = hub.post("/api/agents/" + agentId + "/token", Map.of()).json().path("token").asText();
            secrets.add(token);
            secrets.add(sha256(token));
            hub.request("GET", "/api/tickets", null, Map.of("Authorization", "Bearer " + token));
            hub.request("GET", "/api/tickets", null, Map.of("Authorization", "Bearer " + FORGED_SECRET));
            hub.request("POST", "/api/inbound", "{}", Map.of("X-Api-Key", FORGED_SECRET));

            String update = "{\"update_id\": 9001, \"message\": {\"message_id\": 1, \"date\": 1764000000, "
                    + "\"chat\": {\"id\": 4242, \"type\": \"private\"}, \"from\": {\"id\": 4242, \"is_bot\": false, "
                    + "\"first_name\": \"Log\"}, \"text\": \"Hello from the log test\"}}";
            hub.request("POST", "/webhooks/telegram", update, Map.of("X-Telegram-Bot-Api-Secret-Token", FORGED_SECRET));
            hub.request("POST", "/webhooks/telegram", update, Map.of());
            hub.request("POST", "/webhooks/telegram", update, Map.of("X-Telegram-Bot-Api-Secret-Token", FakeTelegramBotApi.SECRET));
            hub.request("POST", "/webhooks/telegram", "{not json", Map.of("X-Telegram-Bot-Api-Secret-Token", FakeTelegramBotApi.SECRET));

            Map<String, String> sms = Map.of("MessageSid", "SM" + "1".repeat(32), "From", "+15550002222",
                    "To", "+15550001111", "Body", "Hello by SMS", "NumMedia", "0");
            String smsBody = form(sms);
            String signature = TwilioWebhookSigner.signSingle(PublicRoutesHub.TWILIO_TOKEN,
                    PublicRoutesHub.PUBLIC_URL + "/webhooks/twilio/sms", sms);
            Map<String, String> formType = Map.of("Content-Type", "application/x-www-form-urlencoded");
            hub.request("POST", "/webhooks/twilio/sms", smsBody, with(formType, "X-Twilio-Signature", FORGED_SECRET));
            hub.request("POST", "/webhooks/twilio/sms", smsBody, formType);
            hub.request("POST", "/webhooks/twilio/sms", smsBody, with(formType, "X-Twilio-Signature", signature));

            byte[] viber = ("{\"event\": \"message\", \"timestamp\": 1764000000000, \"message_token\": 5000000001, "
                    + "\"sender\": {\"id\": \"logtest==\", \"name\": \"Log\"}, \"message\": {\"type\": \"text\", "
                    + "\"text\": \"Hello by Viber\"}}").getBytes(StandardCharsets.UTF_8);
            String viberSignature = new ViberSignatureVerifier(PublicRoutesHub.VIBER_TOKEN).sign(viber);
            hub.request("POST", "/webhooks/viber", new String(viber, StandardCharsets.UTF_8),
                    Map.of(ViberSignatureVerifier.HEADER, "00" + viberSignature.substring(2)));
            hub.request("POST", "/webhooks/viber", new String(viber, StandardCharsets.UTF_8),
                    Map.of(ViberSignatureVerifier.HEADER, viberSignature));
            hub.drainOutbox();

            hub.app.transactions().read(h -> h.createQuery("select password_hash from agent").mapTo(String.class).list())
                    .forEach(secrets::add);
            List<CapturedLogs.Line> lines = logs.lines();
            assertThat(lines).as("the flows logged something to search").isNotEmpty();
            for (CapturedLogs.Line line : lines) {
                for (String secret : secrets) {
                    assertThat(line.printed()).as("a log line gives away a secret").doesNotContain(secret);
                }
            }
        }
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    }
}
