package io.supporthub.hub.telegram;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.hub.db.AdvisoryLock;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramPollingTest {

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void pollingMode_takesUpdatesFromGetUpdates_andConfirmsThemOnlyAfterCommit() throws Exception {
        try (FakeTelegramBotApi telegram = FakeTelegramBotApi.start();
             TestHub hub = new TestHub(Map.of("TELEGRAM_BOT_TOKEN", telegram.token(), "TELEGRAM_MODE", "polling",
                     "TELEGRAM_API_URL", telegram.baseUrl()), true, Instant.parse("2026-11-02T09:00:00Z"),
                     Set.of(ChannelKind.TELEGRAM))) {
            long first = telegram.addUpdate(TelegramUpdates.text(500, 2001, 100, "Polled question"));
            long second = telegram.addUpdate(TelegramUpdates.edited(501, 2001, 100, "Polled question, edited"));

            await("both updates are stored", () -> hub.app.transactions().read(handle -> handle
                    .createQuery("select count(*) from message where external_id = '2001:100' and edited_at is not null")
                    .mapTo(Integer.class).one()) == 1);
            await("Telegram is told both updates were taken", () -> telegram.lastOffset() > second);
            assertThat(hub.app.telegram().orElseThrow().isPolling()).isTrue();
            hub.logIn();
            long ticketId = TelegramUpdates.ticketOf(hub, 2001, 100);
            assertThat(hub.get("/api/tickets/" + ticketId).json().get("messages").get(0).get("text").asText())
                    .isEqualTo("Polled question, edited");
            assertThat(first).isLessThan(second);
            assertThat(telegram.calls("deleteWebhook")).isNotEmpty();

            hub.app.close();
            assertThat(hub.app.telegram().orElseThrow().isPolling()).isFalse();
        }
    }

    @Test
    void onlyOneNode_polls_andAnotherTakesOver_whenItStops() throws Exception {
        try (TestHub hub = new TestHub()) {
            AtomicInteger running = new AtomicInteger();
            Runnable start = running::incrementAndGet;
            Runnable stop = running::decrementAndGet;
            AdvisoryLock a = new AdvisoryLock(hub.database.sessions(), "polling test", Duration.ofMillis(100), start, stop);
            AdvisoryLock b = new AdvisoryLock(hub.database.sessions(), "polling test", Duration.ofMillis(100), start, stop);
            a.start();
            await("a leads", a::held);
            b.start();
            Thread.sleep(400);
            assertThat(b.held()).isFalse();
            assertThat(running).hasValue(1);

            a.close();
            await("b takes over", b::held);
            assertThat(running).hasValue(1);
            b.close();
            assertThat(running).hasValue(0);
        }
    }
}
