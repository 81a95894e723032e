package io.supporthub.hub.channelhealth;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.SendException;
import io.supporthub.channels.sms.FakeTwilioApi;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.viber.FakeViberApi;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel health: {@code GET /api/channels} with each channel's configuration, mode, webhook, newest message each
 * way, last error and outbox queue; {@code POST /api/channels/{kind}/test} against the loopback provider fakes.
 */
class ChannelHealthTest {

    static FakeTelegramBotApi telegram;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        telegram = FakeTelegramBotApi.start();
        hub = TestHub.telegramWebhook(telegram);
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
        telegram.close();
    }

    static JsonNode channel(TestHub on, String name) {
        for (JsonNode channel : on.get("/api/channels").json()) {
            if (channel.get("channel").asText().equals(name)) {
                return channel;
            }
        }
        throw new AssertionError("no channel " + name);
    }

    @Test
    void everyChannelIsListed_withItsConfigurationAndMode() {
        TestHub.Response all = hub.get("/api/channels");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json()).extracting(c -> c.get("channel").asText())
                .containsExactly("telegram", "viber", "sms", "email", "api");
        JsonNode tg = channel(hub, "telegram");
        assertThat(tg.get("configured").asBoolean()).isTrue();
        assertThat(tg.get("mode").asText()).isEqualTo("webhook");
        assertThat(tg.get("webhookRegistered").asBoolean()).isTrue();
        assertThat(telegram.webhookUrl()).isEqualTo("https://hub.example.com/webhooks/telegram");
    }

    @Test
    void telegramsTest_callsGetMe_andSaysWhatCameBack() {
        int before = telegram.calls("getMe").size();
        TestHub.Response test = hub.post("/api/channels/telegram/test", Map.of());
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().get("ok").asBoolean()).isTrue();
        assertThat(test.json().get("answer").asText()).contains("@support_test_bot");
        assertThat(telegram.calls("getMe")).hasSize(before + 1);

        telegram.failNext("getMe", 1, 401, "Unauthorized");
        TestHub.Response refused = hub.post("/api/channels/telegram/test", Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("ok").asBoolean()).isFalse();
        assertThat(refused.json().get("answer").asText()).contains("getMe failed").contains("Unauthorized");
    }

    @Test
    void anUnknownChannel_is404() {
        TestHub.Response unknown = hub.post("/api/channels/pigeon/test", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("pigeon");
    }

    @Test
    void theFigures_followMessagesInAndOut_errorsAndTheQueue() {
        Map<String, Object> body = Map.of("from", Map.of("userId", "health-1"), "externalId", "health-1", "text", "hello");
        long ticketId = hub.request("POST", "/api/inbound", body, Map.of("X-Api-Key", TestHub.API_KEY)).json().get("ticketId").asLong();
        JsonNode api = channel(hub, "api");
        assertThat(Instant.parse(api.get("lastInboundAt").asText())).isEqualTo(hub.clock.instant());

        hub.clock.advance(Duration.ofMinutes(1));
        hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "first answer"));
        assertThat(channel(hub, "api").get("queued").asLong()).isEqualTo(1);
        hub.drainOutbox();
        api = channel(hub, "api");
        assertThat(api.get("queued").asLong()).isZero();
        assertThat(Instant.parse(api.get("lastOutboundAt").asText())).isEqualTo(hub.clock.instant());

        hub.clock.advance(Duration.ofMinutes(1));
        hub.senders.get(ChannelKind.API).failNext(SendException.fatal("the receiver said no"));
        hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "second answer"));
        hub.drainOutbox();
        api = channel(hub, "api");
        assertThat(api.get("lastError").asText()).isEqualTo("the receiver said no");
        assertThat(Instant.parse(api.get("lastErrorAt").asText())).isEqualTo(hub.clock.instant());
        assertThat(channel(hub, "telegram").get("lastError").isNull()).isTrue();
    }

    @Test
    void viber_isInWebhookMode_andItsTestCallsGetAccountInfo() {
        FakeViberApi viber = FakeViberApi.start("4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f");
        int port = TestHub.freePort();
        try (viber; TestHub viberHub = new TestHub(Map.of("PORT", Integer.toString(port),
                "PUBLIC_URL", "http://127.0.0.1:" + port, "VIBER_AUTH_TOKEN", viber.authToken(),
                "VIBER_API_URL", viber.apiUrl().toString(), "MEDIA_URL_SECRET", "media-secret-for-tests-0123456789"),
                false, Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.VIBER, ChannelKind.EMAIL))) {
            viberHub.logIn();
            JsonNode status = channel(viberHub, "viber");
            assertThat(status.get("configured").asBoolean()).isTrue();
            assertThat(status.get("mode").asText()).isEqualTo("webhook");
            assertThat(status.get("webhookRegistered").asBoolean()).isTrue();
            TestHub.Response test = viberHub.post("/api/channels/viber/test", Map.of());
            assertThat(test.status()).as(test.body()).isEqualTo(200);
            assertThat(test.json().get("ok").asBoolean()).as(test.body()).isTrue();
            assertThat(test.json().get("answer").asText()).startsWith("get_account_info");
            assertThat(viber.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("get_account_info"));

            JsonNode email = channel(viberHub, "email");
            assertThat(email.get("configured").asBoolean()).isFalse();
            assertThat(email.get("problem").asText()).isEqualTo("email is not configured");
            TestHub.Response off = viberHub.post("/api/channels/email/test", Map.of());
            assertThat(off.status()).isEqualTo(409);
            assertThat(off.json().get("message").asText()).contains("email is not configured");
        }
    }

    @Test
    void smsTest_fetchesTheTwilioAccount_andAWrongTokenSaysSo() {
        String sid = "AC0123456789abcdef0123456789abcdef";
        try (FakeTwilioApi twilio = FakeTwilioApi.start(sid, "right-token")) {
            for (String token : new String[] {"right-token", "wrong-token"}) {
                try (TestHub smsHub = new TestHub(Map.of("TWILIO_ACCOUNT_SID", sid, "TWILIO_AUTH_TOKEN", token,
                        "TWILIO_FROM", "+15550001111", "TWILIO_API_URL", twilio.baseUrl(), "PUBLIC_URL", "https://support.example.test"),
                        false, Instant.parse("2026-11-28T10:00:00Z"), Set.of(ChannelKind.SMS))) {
                    smsHub.logIn();
                    assertThat(channel(smsHub, "sms").get("mode").asText()).isEqualTo("webhook");
                    TestHub.Response test = smsHub.post("/api/channels/sms/test", Map.of());
                    assertThat(test.status()).as(test.body()).isEqualTo(200);
                    if (token.equals("right-token")) {
                        assertThat(test.json().get("ok").asBoolean()).as(test.body()).isTrue();
                        assertThat(test.json().get("answer").asText()).contains("Fake support account", "active");
                    } else {
                        assertThat(test.json().get("ok").asBoolean()).as(test.body()).isFalse();
                        assertThat(test.json().get("answer").asText()).contains("401");
                    }
                }
            }
            assertThat(twilio.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/Accounts/" + sid + ".json"));
        }
    }

    @Test
    void emailTest_logsInToSmtpAndImap_andAWrongPasswordSaysWhichFailed() {
        com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetup.dynamicPort(com.icegreen.greenmail.util.ServerSetupTest.SMTP_IMAP));
        mail.start();
        try {
            mail.setUser("help@support.example", "help", "secret");
            for (String password : new String[] {"secret", "wrong"}) {
                try (TestHub mailHub = new TestHub(Map.of(
                        "MAIL_IMAP_URL", "imap://help:" + password + "@127.0.0.1:" + mail.getImap().getPort() + "/INBOX",
                        "MAIL_SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort() + "?starttls=false",
                        "MAIL_FROM", "help@support.example", "PUBLIC_URL", "http://hub.example"),
                        false, Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.EMAIL))) {
                    mailHub.logIn();
                    assertThat(channel(mailHub, "email").get("mode").asText()).isEqualTo("polling");
                    TestHub.Response test = mailHub.post("/api/channels/email/test", Map.of());
                    assertThat(test.status()).as(test.body()).isEqualTo(200);
                    String answer = test.json().get("answer").asText();
                    if (password.equals("secret")) {
                        assertThat(test.json().get("ok").asBoolean()).as(answer).isTrue();
                        assertThat(answer).contains("SMTP 127.0.0.1: logged in", "IMAP 127.0.0.1: logged in");
                    } else {
                        assertThat(test.json().get("ok").asBoolean()).as(answer).isFalse();
                        assertThat(answer).contains("SMTP 127.0.0.1: logged in", "IMAP 127.0.0.1 failed");
                    }
                }
            }
        } finally {
            mail.stop();
        }
    }

    @Test
    void seniorsSeeAndTestTheChannels_specialistsDoNot_andOnlyAdminsSetTheCallback() {
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String role : new String[] {"senior", "specialist"}) {
            long id = hub.post("/api/agents", Map.of("email", role + "-health@test.local", "name", role + " Health",
                    "password", "a long enough password " + role, "role", role)).json().get("id").asLong();
            tokens.put(role, "Bearer " + hub.post("/api/agents/" + id + "/token", Map.of()).json().get("token").asText());
        }
        Map<String, String> senior = Map.of("Authorization", tokens.get("senior"));
        Map<String, String> specialist = Map.of("Authorization", tokens.get("specialist"));
        assertThat(hub.request("GET", "/api/channels", null, senior).status()).isEqualTo(200);
        assertThat(hub.request("POST", "/api/channels/telegram/test", Map.of(), senior).status()).isEqualTo(200);
        assertThat(hub.request("GET", "/api/channels/api", null, senior).status()).isEqualTo(403);
        assertThat(hub.request("PUT", "/api/channels/api", Map.of("callbackUrl", "https://crm.example.com/in"), senior).status())
                .isEqualTo(403);
        TestHub.Response refused = hub.request("GET", "/api/channels", null, specialist);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("channels' health");
        assertThat(hub.request("POST", "/api/channels/telegram/test", Map.of(), specialist).status()).isEqualTo(403);
    }
}
