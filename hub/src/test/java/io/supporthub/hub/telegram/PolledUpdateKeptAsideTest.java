package io.supporthub.hub.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long polling: an update that cannot be stored is kept aside on its own, exactly as the Bot API sent it, while the
 * rest of its batch is stored and the offset moves on; once the cause is fixed, a retry stores it once.
 */
class PolledUpdateKeptAsideTest {

    /** As the Bot API writes it: non-ASCII and slashes escaped, which our JSON library would write otherwise. */
    private static final String BUGGY = "{\"update_id\":801,\"message\":{\"message_id\":1,\"from\":{\"id\":4002,"
            + "\"is_bot\":false,\"first_name\":\"Ren\\u00e9\"},\"chat\":{\"id\":4002,\"first_name\":\"Ren\\u00e9\","
            + "\"type\":\"private\"},\"date\":1764320000,\"text\":\"Caf\\u00e9 SIMULATED-BUG \\/ refund\"}}";
    private static final String POLL = "{\"update_id\":802,\"poll\":{\"id\":\"9\",\"question\":\"?\"}}";

    private FakeTelegramBotApi telegram;
    private TestHub hub;

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramBotApi.start();
        hub = new TestHub(Map.of("TELEGRAM_BOT_TOKEN", telegram.token(), "TELEGRAM_MODE", "polling",
                "TELEGRAM_API_URL", telegram.baseUrl()), true, Instant.parse("2026-11-02T09:00:00Z"),
                Set.of(ChannelKind.TELEGRAM));
        hub.logIn();
    }

    @AfterEach
    void stop() {
        hub.close();
        telegram.close();
    }

    @Test
    void aBatchWithUpdatesThatCannotBeStored_storesTheOthers_keepsEachAsideAsSent_andARetryAfterTheFixStoresItOnce()
            throws Exception {
        failStoringTextsWith("SIMULATED-BUG", "raise exception 'simulated bug'");
        telegram.addUpdate(TelegramUpdates.text(800, 4001, 1, "Before the bad ones"));
        telegram.addRawUpdate(BUGGY);
        telegram.addRawUpdate(POLL);
        long last = telegram.addUpdate(TelegramUpdates.text(803, 4003, 1, "After the bad ones"));

        await("Telegram is told every update was taken", () -> telegram.lastOffset() > last);

        assertThat(TelegramUpdates.ticketOf(hub, 4001, 1)).isNotNull();
        assertThat(TelegramUpdates.ticketOf(hub, 4003, 1)).isNotNull();
        assertThat(TelegramUpdates.ticketOf(hub, 4002, 1)).isNull();
        JsonNode buggy = hub.get("/api/kept-aside/" + keptId("801")).json();
        assertThat(buggy.get("reason").asText()).contains("simulated bug");
        assertThat(buggy.get("retryable").asBoolean()).isTrue();
        assertThat(buggy.get("contentType").asText()).isEqualTo("application/json");
        assertThat(Base64.getDecoder().decode(buggy.get("body").asText())).isEqualTo(BUGGY.getBytes(StandardCharsets.UTF_8));
        JsonNode poll = hub.get("/api/kept-aside/" + keptId("802")).json();
        assertThat(poll.get("reason").asText()).contains("poll");
        assertThat(new String(Base64.getDecoder().decode(poll.get("body").asText()), StandardCharsets.UTF_8)).isEqualTo(POLL);

        stopFailing();
        TestHub.Response first = hub.post("/api/kept-aside/" + buggy.get("id").asLong() + "/retry", Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("outcome").asText()).isEqualTo("stored");
        long ticketId = first.json().get("ticketIds").get(0).asLong();
        assertThat(TelegramUpdates.ticketOf(hub, 4002, 1)).isEqualTo(ticketId);
        JsonNode messages = hub.get("/api/tickets/" + ticketId).json().get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("text").asText()).isEqualTo("Café SIMULATED-BUG / refund");
        TestHub.Response second = hub.post("/api/kept-aside/" + buggy.get("id").asLong() + "/retry", Map.of());
        assertThat(second.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("messages")).hasSize(1);

        TestHub.Response unparseable = hub.post("/api/kept-aside/" + poll.get("id").asLong() + "/retry", Map.of());
        assertThat(unparseable.json().get("outcome").asText()).isEqualTo("kept_aside");
    }

    @Test
    void aRetryWhileTheDatabaseRestarts_answers503_andARetryOnceItIsBackStoresIt() throws Exception {
        failStoringTextsWith("SIMULATED-BUG", "raise exception 'simulated bug'");
        long update = telegram.addRawUpdate(BUGGY);
        await("the update is kept aside", () -> telegram.lastOffset() > update);
        long id = keptId("801");

        stopFailing();
        // what every session sees while PostgreSQL shuts down or restarts (SQLSTATE 57P01), a passing failure
        failStoringTextsWith("SIMULATED-BUG", "perform pg_terminate_backend(pg_backend_pid()); perform pg_sleep(1)");
        TestHub.Response meanwhile = hub.post("/api/kept-aside/" + id + "/retry", Map.of());
        assertThat(meanwhile.status()).isEqualTo(503);
        assertThat(meanwhile.json().get("error").asText()).isEqualTo("unavailable");
        assertThat(TelegramUpdates.ticketOf(hub, 4002, 1)).isNull();

        stopFailing();
        TestHub.Response back = hub.post("/api/kept-aside/" + id + "/retry", Map.of());
        assertThat(back.json().get("outcome").asText()).isEqualTo("stored");
        assertThat(TelegramUpdates.ticketOf(hub, 4002, 1)).isNotNull();
    }

    private long keptId(String updateId) {
        return hub.app.transactions().read(handle -> handle.createQuery("select id from unprocessed_payload "
                        + "where source = 'telegram getUpdates' and payload like :like")
                .bind("like", "{\"update_id\":" + updateId + ",%").mapTo(Long.class).one());
    }

    private void failStoringTextsWith(String marker, String failure) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            handle.execute("create function fail_storing() returns trigger language plpgsql as $$ begin "
                    + "if new.text like '%" + marker + "%' then " + failure + "; end if; return new; end $$");
            handle.execute("create trigger fail_storing before insert on message for each row execute function fail_storing()");
            return null;
        });
    }

    private void stopFailing() {
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            handle.execute("drop trigger fail_storing on message");
            handle.execute("drop function fail_storing()");
            return null;
        });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
