package io.supporthub.hub.telegram;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.hub.support.TcpProxy;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Long polling when the database goes away: its advisory lock goes with it, and is taken again once it is back. */
@Tag("serial")
class TelegramPollingOutageTest {

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aDatabaseCut_stopsThePoller_whichTakesItsLockAgainOnceBack_andStoresWhatCameMeanwhile() throws Exception {
        try (TcpProxy proxy = TcpProxy.inFrontOfFreshDatabase();
             FakeTelegramBotApi telegram = FakeTelegramBotApi.start();
             TestHub hub = new TestHub(proxy.jdbcUrl(), Map.of("TELEGRAM_BOT_TOKEN", telegram.token(),
                     "TELEGRAM_MODE", "polling", "TELEGRAM_API_URL", telegram.baseUrl()), false,
                     Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.TELEGRAM))) {
            TelegramIntegration integration = hub.app.telegram().orElseThrow();
            integration.startPolling(Duration.ofMillis(500));
            await("this node polls", integration::isPolling);

            proxy.cut();
            long written = telegram.addUpdate(TelegramUpdates.text(700, 2101, 100, "Written while the database was away"));
            await("the poller stops, its lock gone with the connection", () -> !integration.isPolling());
            assertThat(telegram.lastOffset()).as("not confirmed while it cannot be stored").isLessThanOrEqualTo(written);
            proxy.restore();

            await("this node polls again", integration::isPolling);
            await("the update written meanwhile is stored", () -> TelegramUpdates.ticketOf(hub, 2101, 100) != null);
            await("and confirmed to Telegram", () -> telegram.lastOffset() > written);
        }
    }
}
