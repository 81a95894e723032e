package io.supporthub.hub.apichannel;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answering the generic channel: an admin sets the callback URL and secret; an agent's reply on a ticket that came
 * through {@code POST /api/inbound} is posted there through the outbox, signed, with the same delivery id on a retry;
 * a 400 fails it for good; private addresses are refused without ALLOW_PRIVATE_CALLBACKS; {@code newTicket} and
 * {@code ticket} place an inbound message.
 */
class GenericChannelReplyTest {

    private static final String SECRET = "a long shared secret 42";

    static TestHub hub;
    static CallbackReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new CallbackReceiver();
        hub = new TestHub(Map.of("ALLOW_PRIVATE_CALLBACKS", "true"), false, Instant.parse("2026-11-02T09:00:00Z"),
                Set.of(ChannelKind.API));
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
        receiver.close();
    }

    @BeforeEach
    void callbackSet() {
        TestHub.Response saved = hub.request("PUT", "/api/channels/api",
                Map.of("callbackUrl", receiver.url(), "secret", SECRET), Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        receiver.received().clear();
    }

    static TestHub.Response inbound(String externalId, String userId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("from", Map.of("name", "Dana Webform", "userId", userId, "email", userId + "@example.com"));
        body.put("externalId", externalId);
        body.put("text", "Message " + externalId);
        return hub.request("POST", "/api/inbound", body, Map.of("X-Api-Key", TestHub.API_KEY));
    }

    private static JsonNode lastMessage(long ticketId) {
        JsonNode messages = hub.get("/api/tickets/" + ticketId).json().get("messages");
        return messages.get(messages.size() - 1);
    }

    @Test
    void theSecret_isNeverAnswered_onlyWhetherOneIsSet() {
        TestHub.Response got = hub.get("/api/channels/api");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("callbackUrl").asText()).isEqualTo(receiver.url());
        assertThat(got.json().get("secretSet").asBoolean()).isTrue();
        assertThat(got.json().get("configured").asBoolean()).isTrue();
        assertThat(got.body()).doesNotContain(SECRET);

        // A URL change without a secret keeps the one set.
        TestHub.Response kept = hub.request("PUT", "/api/channels/api", Map.of("callbackUrl", receiver.url() + "?v=2"), Map.of());
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("secretSet").asBoolean()).isTrue();
        assertThat(kept.body()).doesNotContain(SECRET);

        TestHub.Response shortSecret = hub.request("PUT", "/api/channels/api",
                Map.of("callbackUrl", receiver.url(), "secret", "short"), Map.of());
        assertThat(shortSecret.status()).isEqualTo(422);
        assertThat(shortSecret.json().get("message").asText()).contains("16");
        TestHub.Response ftp = hub.request("PUT", "/api/channels/api",
                Map.of("callbackUrl", "ftp://files.example.com/in", "secret", SECRET), Map.of());
        assertThat(ftp.status()).isEqualTo(422);
        assertThat(ftp.json().get("message").asText()).contains("http or https");

        // Each change is in the audit log, without the secret.
        TestHub.Response audit = hub.get("/api/audit?action=settings.api_channel_updated");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains(receiver.url()).doesNotContain(SECRET);
    }

    @Test
    void anAgentsReply_isPostedSigned_withTheMessageIdAsDelivery() throws Exception {
        long ticketId = inbound("signed-1", "crm-user-1", Map.of()).json().get("ticketId").asLong();
        TestHub.Response reply = hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "We're on it <b>now</b>."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(hub.drainOutbox()).isEqualTo(1);

        assertThat(receiver.received()).hasSize(1);
        CallbackReceiver.Received post = receiver.received().get(0);
        assertThat(post.header("X-Hub-Signature-256")).isEqualTo(CallbackSignature.of(SECRET, post.body()));
        assertThat(post.header("X-Hub-Signature-256")).matches("sha256=[0-9a-f]{64}");
        assertThat(post.header("Content-Type")).startsWith("application/json");
        JsonNode body = Json.MAPPER.readTree(post.body());
        long messageId = lastMessage(ticketId).get("id").asLong();
        assertThat(post.header("X-Hub-Delivery")).isEqualTo(String.valueOf(messageId));
        assertThat(body.get("deliveryId").asText()).isEqualTo(String.valueOf(messageId));
        assertThat(body.get("messageId").asLong()).isEqualTo(messageId);
        assertThat(body.get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(body.get("ticketNumber").asLong()).isEqualTo(hub.get("/api/tickets/" + ticketId).json().get("number").asLong());
        assertThat(body.get("text").asText()).isEqualTo("We're on it <b>now</b>.");
        assertThat(body.get("customer").get("userId").asText()).isEqualTo("crm-user-1");
        assertThat(body.get("customer").get("email").asText()).isEqualTo("crm-user-1@example.com");
        assertThat(body.get("customer").get("name").asText()).isEqualTo("Dana Webform");
        assertThat(body.get("agent").get("name").asText()).isNotBlank();
        assertThat(body.get("attachments").isArray()).isTrue();
        assertThat(Instant.parse(body.get("sentAt").asText())).isEqualTo(hub.clock.instant());
        assertThat(lastMessage(ticketId).get("deliveryState").asText()).isEqualTo("delivered");

        // A wrong secret gives another signature: the receiver can tell a forgery.
        assertThat(CallbackSignature.of(SECRET + "x", post.body())).isNotEqualTo(post.header("X-Hub-Signature-256"));
    }

    @Test
    void theConnectionTest_postsASignedPing() throws Exception {
        TestHub.Response test = hub.post("/api/channels/api/test", Map.of());
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().get("ok").asBoolean()).isTrue();
        assertThat(test.json().get("answer").asText()).contains("200");
        assertThat(receiver.received()).hasSize(1);
        CallbackReceiver.Received ping = receiver.received().get(0);
        assertThat(Json.MAPPER.readTree(ping.body()).get("type").asText()).isEqualTo("ping");
        assertThat(ping.header("X-Hub-Signature-256")).isEqualTo(CallbackSignature.of(SECRET, ping.body()));
        assertThat(ping.header("X-Hub-Delivery")).startsWith("ping-");

        receiver.answer(401);
        TestHub.Response refused = hub.post("/api/channels/api/test", Map.of());
        assertThat(refused.json().get("ok").asBoolean()).isFalse();
        assertThat(refused.json().get("answer").asText()).contains("401");
        JsonNode health = null;
        for (JsonNode channel : hub.get("/api/channels").json()) {
            if (channel.get("channel").asText().equals("api")) {
                health = channel;
            }
        }
        assertThat(health.get("configured").asBoolean()).isTrue();
        assertThat(health.get("mode").isNull()).isTrue();
    }

    @Test
    void a500_isRetried_withTheSameDeliveryId_untilA200() {
        long ticketId = inbound("retry-1", "crm-user-2", Map.of()).json().get("ticketId").asLong();
        receiver.answer(500);
        hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Second try lands"));
        hub.drainOutbox();
        assertThat(receiver.received()).hasSize(1);
        assertThat(lastMessage(ticketId).get("deliveryState").asText()).isEqualTo("queued");

        hub.clock.advance(Duration.ofSeconds(11));
        assertThat(hub.drainOutbox()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(2);
        String first = receiver.received().get(0).header("X-Hub-Delivery");
        assertThat(receiver.received().get(1).header("X-Hub-Delivery")).isEqualTo(first);
        assertThat(first).isEqualTo(lastMessage(ticketId).get("id").asText());
        assertThat(lastMessage(ticketId).get("deliveryState").asText()).isEqualTo("delivered");
    }

    @Test
    void a400_failsForGood_withTheStatusInTheError() {
        long ticketId = inbound("refused-1", "crm-user-3", Map.of()).json().get("ticketId").asLong();
        receiver.answer(400);
        hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Refused by the receiver"));
        hub.drainOutbox();
        hub.clock.advance(Duration.ofMinutes(10));
        assertThat(hub.drainOutbox()).isZero();
        assertThat(receiver.received()).hasSize(1);
        JsonNode message = lastMessage(ticketId);
        assertThat(message.get("deliveryState").asText()).isEqualTo("failed");
        assertThat(message.get("deliveryError").asText()).contains("400");
    }

    @Test
    void a429_isRetried() {
        long ticketId = inbound("limited-1", "crm-user-4", Map.of()).json().get("ticketId").asLong();
        receiver.answer(429);
        hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Slow down"));
        hub.drainOutbox();
        assertThat(lastMessage(ticketId).get("deliveryState").asText()).isEqualTo("queued");
        hub.clock.advance(Duration.ofSeconds(11));
        hub.drainOutbox();
        assertThat(receiver.received()).hasSize(2);
        assertThat(lastMessage(ticketId).get("deliveryState").asText()).isEqualTo("delivered");
    }

    @Test
    void withoutACallback_theReplyIsRefused_withTheReason() {
        long ticketId = inbound("off-1", "crm-user-5", Map.of()).json().get("ticketId").asLong();
        assertThat(hub.request("PUT", "/api/channels/api", Map.of("callbackUrl", ""), Map.of()).status()).isEqualTo(200);
        TestHub.Response reply = hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Nobody hears this"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("message").asText()).isEqualTo("the API channel has no callback URL");
        assertThat(hub.get("/api/channels/api").json().get("configured").asBoolean()).isFalse();
    }

    @Test
    void newTicket_alwaysOpensOne_andTicket_addsToThatOneOfTheCustomers() {
        JsonNode first = inbound("place-1", "crm-user-6", Map.of()).json();
        JsonNode threaded = inbound("place-2", "crm-user-6", Map.of()).json();
        assertThat(threaded.get("ticketId").asLong()).isEqualTo(first.get("ticketId").asLong());

        JsonNode fresh = inbound("place-3", "crm-user-6", Map.of("newTicket", true)).json();
        assertThat(fresh.get("outcome").asText()).isEqualTo("new_ticket");
        assertThat(fresh.get("ticketId").asLong()).isNotEqualTo(first.get("ticketId").asLong());

        // The customer's last ticket is now the fresh one; naming the first puts the message there.
        JsonNode named = inbound("place-4", "crm-user-6", Map.of("ticket", first.get("ticketNumber").asLong())).json();
        assertThat(named.get("outcome").asText()).isEqualTo("joined");
        assertThat(named.get("ticketId").asLong()).isEqualTo(first.get("ticketId").asLong());

        // A provider retry of the same message is still a duplicate, whatever it names.
        TestHub.Response retried = inbound("place-4", "crm-user-6", Map.of("newTicket", true));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("outcome").asText()).isEqualTo("duplicate");

        long strangers = inbound("place-5", "crm-user-7", Map.of()).json().get("ticketNumber").asLong();
        TestHub.Response notTheirs = inbound("place-6", "crm-user-6", Map.of("ticket", strangers));
        assertThat(notTheirs.status()).isEqualTo(422);
        assertThat(notTheirs.json().get("message").asText()).contains("#" + strangers).contains("not a ticket of this customer");
        TestHub.Response none = inbound("place-7", "crm-user-6", Map.of("ticket", 987654));
        assertThat(none.status()).isEqualTo(422);
        TestHub.Response both = inbound("place-8", "crm-user-6", Map.of("ticket", strangers, "newTicket", true));
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void aResolvedTicketNamed_reopens() {
        JsonNode first = inbound("reopen-1", "crm-user-8", Map.of()).json();
        long ticketId = first.get("ticketId").asLong();
        assertThat(hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved")).status()).isLessThan(300);
        inbound("reopen-2", "crm-user-8", Map.of("newTicket", true));
        JsonNode named = inbound("reopen-3", "crm-user-8", Map.of("ticket", first.get("ticketNumber").asLong())).json();
        assertThat(named.get("outcome").asText()).isEqualTo("reopened");
        assertThat(named.get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("status").asText()).isEqualTo("open");
    }

    @Test
    void aCallbackThatNowPointsAtLoopback_isRefusedAtDelivery_withoutALoopbackAllowance() throws Exception {
        try (TestHub strict = new TestHub(Map.of(), false, Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.API))) {
            strict.logIn();
            TestHub.Response loopback = strict.request("PUT", "/api/channels/api",
                    Map.of("callbackUrl", receiver.url(), "secret", SECRET), Map.of());
            assertThat(loopback.status()).isEqualTo(422);
            assertThat(loopback.json().get("error").asText()).isEqualTo("unprocessable");
            assertThat(loopback.json().get("message").asText()).contains("127.0.0.1", "loopback", "ALLOW_PRIVATE_CALLBACKS");
            for (String url : new String[] {"http://10.1.2.3/in", "http://192.168.1.9/in", "http://172.20.0.1/in",
                    "http://169.254.169.254/latest", "http://[::1]:8080/in", "http://[fd00::1]/in", "http://0.0.0.0/in",
                    "http://224.0.0.1/in", "http://localhost:9/in"}) {
                TestHub.Response refused = strict.request("PUT", "/api/channels/api", Map.of("callbackUrl", url, "secret", SECRET), Map.of());
                assertThat(refused.status()).as(url).isEqualTo(422);
            }
            assertThat(strict.get("/api/channels/api").json().get("configured").asBoolean()).isFalse();

            // The name resolved elsewhere when it was saved, loopback now: the delivery is refused, nothing is posted.
            strict.database.jdbi().useHandle(handle -> handle.execute("insert into setting (key, value, updated_at) "
                    + "values ('api_channel', cast(? as jsonb), now())", Json.MAPPER.writeValueAsString(
                    Map.of("callbackUrl", receiver.url(), "secret", SECRET))));
            Map<String, Object> body = Map.of("from", Map.of("userId", "strict-1"), "externalId", "strict-1", "text", "hi");
            long ticketId = strict.request("POST", "/api/inbound", body, Map.of("X-Api-Key", TestHub.API_KEY))
                    .json().get("ticketId").asLong();
            assertThat(strict.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "not to loopback")).status()).isEqualTo(201);
            strict.drainOutbox();
            JsonNode messages = strict.get("/api/tickets/" + ticketId).json().get("messages");
            JsonNode out = messages.get(messages.size() - 1);
            assertThat(out.get("deliveryState").asText()).isEqualTo("failed");
            assertThat(out.get("deliveryError").asText()).contains("loopback");
            assertThat(receiver.received()).isEmpty();
        }
    }
}
