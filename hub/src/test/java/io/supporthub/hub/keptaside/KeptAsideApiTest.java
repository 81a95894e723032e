package io.supporthub.hub.keptaside;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.telegram.TelegramWebhookVerifier;
import io.supporthub.hub.inbox.KeptAside;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API over payloads kept aside: list with paging, show, retry after a fix, delete, retention. */
class KeptAsideApiTest {

    static FakeTelegramBotApi telegram;
    static TestHub hub;

    @BeforeAll
    static void start() throws IOException {
        telegram = FakeTelegramBotApi.start();
        hub = TestHub.telegramWebhook(telegram);
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
        telegram.close();
    }

    private static String textUpdate(long updateId, long chatId, long messageId, String text) {
        return "{\"update_id\": " + updateId + ", \"message\": {\"message_id\": " + messageId + ", \"date\": 1700000000, "
                + "\"chat\": {\"id\": " + chatId + ", \"type\": \"private\", \"first_name\": \"Ann\"}, "
                + "\"from\": {\"id\": " + chatId + ", \"is_bot\": false, \"first_name\": \"Ann\"}, \"text\": \"" + text + "\"}}";
    }

    private static long keptId(String like) {
        return hub.app.transactions().read(handle -> handle.createQuery(
                "select id from unprocessed_payload where payload like :like").bind("like", "%" + like + "%")
                .mapTo(Long.class).one());
    }

    private static void sql(String statement) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.execute(statement));
    }

    private static long keep(ChannelKind channel, String body) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            RawPayload raw = new RawPayload("application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
            KeptAside.keep(handle, new KeptAside.Origin(channel, "/webhooks/none", raw, true), "test " + body,
                    hub.clock.instant());
            return null;
        });
        return keptId(body);
    }

    @Test
    void aPayloadOurCodeFailedOn_isKeptAside_andARetryAfterTheFixStoresItOnce_thenAnswersDuplicate() {
        sql("create function simulated_bug() returns trigger language plpgsql as $$ begin "
                + "if new.text like '%SIMULATED-BUG%' then raise exception 'simulated bug'; end if; return new; end $$");
        sql("create trigger simulated_bug before insert on message for each row execute function simulated_bug()");
        String update = textUpdate(5501, 5501, 7, "My card SIMULATED-BUG was charged twice");
        assertThat(hub.request("POST", "/webhooks/telegram", update,
                Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET)).status()).isEqualTo(200);
        long id = keptId("5501");
        JsonNode kept = hub.get("/api/kept-aside/" + id).json();
        assertThat(kept.get("reason").asText()).contains("simulated bug");
        assertThat(kept.get("contentType").asText()).isEqualTo("application/json");
        assertThat(new String(Base64.getDecoder().decode(kept.get("body").asText()), StandardCharsets.UTF_8)).isEqualTo(update);
        assertThat(kept.get("headers").toString()).doesNotContain(TelegramWebhookVerifier.HEADER);

        sql("drop trigger simulated_bug on message");
        TestHub.Response first = hub.post("/api/kept-aside/" + id + "/retry", Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("outcome").asText()).isEqualTo("stored");
        assertThat(first.json().get("ticketIds")).hasSize(1);
        long ticketId = first.json().get("ticketIds").get(0).asLong();
        JsonNode messages = hub.get("/api/tickets/" + ticketId).json().get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("text").asText()).isEqualTo("My card SIMULATED-BUG was charged twice");

        TestHub.Response second = hub.post("/api/kept-aside/" + id + "/retry", Map.of());
        assertThat(second.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("messages")).hasSize(1);
        JsonNode listed = hub.get("/api/kept-aside/" + id).json();
        assertThat(listed.get("retryOutcome").asText()).isEqualTo("duplicate");
        assertThat(listed.has("retriedAt")).isTrue();
    }

    @Test
    void anUnparseableUpdate_retriedUnchanged_isStillKeptAside() {
        String poll = "{\"update_id\": 5601, \"poll\": {\"id\": \"9\"}}";
        hub.request("POST", "/webhooks/telegram", poll, Map.of(TelegramWebhookVerifier.HEADER, FakeTelegramBotApi.SECRET));
        TestHub.Response retried = hub.post("/api/kept-aside/" + keptId("5601") + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("outcome").asText()).isEqualTo("kept_aside");
        assertThat(retried.json().get("ticketIds")).isEmpty();
    }

    @Test
    void list_pagesNewestFirst_withAfterAndLimit_andFiltersByChannel() {
        long a = keep(ChannelKind.EMAIL, "page-a");
        long b = keep(ChannelKind.EMAIL, "page-b");
        long c = keep(ChannelKind.EMAIL, "page-c");
        JsonNode page = hub.get("/api/kept-aside?channel=email&limit=2").json();
        assertThat(ids(page)).containsExactly(c, b);
        assertThat(page.get("items").get(0).get("channel").asText()).isEqualTo("email");
        assertThat(page.get("items").get(0).get("bytes").asLong()).isEqualTo(6);
        assertThat(page.get("items").get(0).get("reason").asText()).isEqualTo("test page-c");
        assertThat(page.get("items").get(0).has("receivedAt")).isTrue();
        JsonNode rest = hub.get("/api/kept-aside?channel=email&limit=2&after=" + page.get("next").asText()).json();
        assertThat(ids(rest)).containsExactly(a);
        assertThat(rest.get("next").isNull()).isTrue();
    }

    @Test
    void delete_removesIt_andAnswers204() {
        long id = keep(ChannelKind.SMS, "to-delete");
        assertThat(hub.request("DELETE", "/api/kept-aside/" + id, null, Map.of()).status()).isEqualTo(204);
        assertThat(hub.get("/api/kept-aside/" + id).status()).isEqualTo(404);
    }

    @Test
    void rowsKeptBeforeRequestsWereKeptWhole_areShownAsNotRetryable_andRefuseARetry() {
        sql("insert into unprocessed_payload (channel, payload, reason, received_at) "
                + "values ('viber', 'ViberEvent[old-row]', 'old reason', now())");
        long id = keptId("old-row");
        JsonNode shown = hub.get("/api/kept-aside/" + id).json();
        assertThat(shown.get("retryable").asBoolean()).isFalse();
        assertThat(new String(Base64.getDecoder().decode(shown.get("body").asText()), StandardCharsets.UTF_8))
                .isEqualTo("ViberEvent[old-row]");
        TestHub.Response retry = hub.post("/api/kept-aside/" + id + "/retry", Map.of());
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("error").asText()).isEqualTo("not_retryable");
    }

    @Test
    void retention_deletesRowsOlderThanTheRetentionPeriod_only() {
        long old = keep(ChannelKind.SMS, "retention-old");
        long fresh = keep(ChannelKind.SMS, "retention-fresh");
        sql("update unprocessed_payload set received_at = received_at - interval '31 days' where id = " + old);
        assertThat(hub.app.keptAside().deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(hub.get("/api/kept-aside/" + old).status()).isEqualTo(404);
        assertThat(hub.get("/api/kept-aside/" + fresh).status()).isEqualTo(200);
    }

    @Test
    void anAgentWhoIsNotAnAdmin_gets403_onEveryRoute() throws Exception {
        long id = keep(ChannelKind.SMS, "not-for-agents");
        JsonNode agent = hub.post("/api/agents", Map.of("email", "plain@example.com", "name", "Plain",
                "password", "a long password 1", "role", "agent")).json();
        String token = hub.post("/api/agents/" + agent.get("id").asLong() + "/token", Map.of()).json().get("token").asText();
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        for (String[] call : new String[][]{{"GET", "/api/kept-aside"}, {"GET", "/api/kept-aside/" + id},
                {"POST", "/api/kept-aside/" + id + "/retry"}, {"DELETE", "/api/kept-aside/" + id}}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub.url(call[1]))).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(call[0], call[0].equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                            : HttpRequest.BodyPublishers.noBody()).build();
            statuses.add(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertThat(statuses).containsExactly(403, 403, 403, 403);
        assertThat(hub.get("/api/kept-aside/" + id).status()).isEqualTo(200);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
