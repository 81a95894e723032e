package io.supporthub.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.FetchedPayloadSink;
import io.supporthub.channels.InboundMessage;

class TelegramPollerTest {

    private FakeTelegramBotApi telegram;
    private TelegramApiClient api;
    private TelegramPoller poller;
    private final BlockingQueue<FetchedPayload> committed = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramBotApi.start();
        api = new TelegramApiClient(telegram.settings());
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.stop();
        }
        api.close();
        telegram.close();
    }

    private void startPoller(FetchedPayloadSink sink, Duration longPoll) {
        poller = new TelegramPoller(api, new TelegramUpdateParser(api), sink, longPoll, Duration.ofMillis(50));
        poller.start();
    }

    private static String text(long chatId, int messageId, String text) {
        return """
                {"message":{"message_id":%d,"date":1700000000,"from":{"id":%d,"is_bot":false,"first_name":"Ann"},
                 "chat":{"id":%d,"type":"private","first_name":"Ann"},"text":"%s"}}""".formatted(messageId, chatId, chatId, text);
    }

    private FetchedPayload nextCommit() throws InterruptedException {
        FetchedPayload update = committed.poll(5, TimeUnit.SECONDS);
        assertThat(update).as("an update handed to the sink within 5 s").isNotNull();
        return update;
    }

    @Test
    void updates_reachTheSinkInOrder_andTheOffsetMovesAfterEachCommit() throws Exception {
        long first = telegram.addUpdate(text(42, 1, "one"));
        long second = telegram.addUpdate(text(42, 2, "two"));

        startPoller(committed::addAll, Duration.ofSeconds(1));

        assertThat(((InboundMessage) nextCommit().events().get(0)).text()).isEqualTo("one");
        assertThat(((InboundMessage) nextCommit().events().get(0)).text()).isEqualTo("two");
        assertThat(telegram.awaitCalls("getUpdates", 2, 5, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> telegram.lastOffset() == second + 1);
        assertThat(poller.offset()).isEqualTo(second + 1);
        assertThat(first).isLessThan(second);
        assertThat(telegram.calls("deleteWebhook")).hasSize(1);
    }

    @Test
    void failingSink_getsTheSameUpdateAgain_andTheOffsetWaitsForIt() throws Exception {
        long id = telegram.addUpdate(text(42, 7, "please commit me"));
        AtomicInteger attempts = new AtomicInteger();
        startPoller(events -> {
            if (attempts.incrementAndGet() <= 2) {
                assertThat(poller.offset()).isEqualTo(0);
                throw new IllegalStateException("database down");
            }
            committed.addAll(events);
        }, Duration.ofSeconds(1));

        InboundMessage message = (InboundMessage) nextCommit().events().get(0);

        assertThat(message.externalId()).isEqualTo("42:7");
        assertThat(attempts.get()).isEqualTo(3);
        waitUntil(() -> poller.offset() == id + 1);
        assertThat(telegram.calls("getUpdates").stream().map(c -> c.param("offset")))
                .as("Telegram was asked for the same update until it was committed").contains("0");
    }

    @Test
    void updateThatCanNeverBeProcessed_isHandedOverRefused_asTheBotApiSentIt_andAcknowledged() throws Exception {
        String poll = "{\"update_id\": 700, \"poll_answer\": {\"poll_id\": \"1\", \"user\": {\"id\": 1, \"is_bot\": false, "
                + "\"first_name\": \"\\u00c9lise\\/A\"}, \"option_ids\": [0]}}";
        long bad = telegram.addRawUpdate(poll);
        long good = telegram.addUpdate(text(42, 3, "after"));

        startPoller(committed::addAll, Duration.ofSeconds(1));

        FetchedPayload refused = nextCommit();
        assertThat(refused.refused()).isTrue();
        assertThat(refused.refusal()).contains("poll_answer");
        assertThat(refused.raw().contentType()).isEqualTo("application/json");
        assertThat(refused.raw().bodyText()).isEqualTo(poll);
        assertThat(((InboundMessage) nextCommit().events().get(0)).text()).isEqualTo("after");
        waitUntil(() -> poller.offset() == good + 1);
        assertThat(bad).isLessThan(good);
    }

    @Test
    void ignoredGroupUpdate_isAcknowledgedWithoutBotheringTheSink() throws Exception {
        long group = telegram.addUpdate("""
                {"message":{"message_id":1,"date":1700000000,"from":{"id":5,"is_bot":false,"first_name":"B"},
                 "chat":{"id":-100123,"type":"supergroup","title":"Fans"},"text":"hi all"}}""");
        long after = telegram.addUpdate(text(42, 4, "private"));

        startPoller(committed::addAll, Duration.ofSeconds(1));

        assertThat(((InboundMessage) nextCommit().events().get(0)).text()).isEqualTo("private");
        waitUntil(() -> poller.offset() == after + 1);
        assertThat(committed).isEmpty();
        assertThat(group).isLessThan(after);
    }

    @Test
    void activeWebhook_isRemovedBeforePolling() throws Exception {
        new TelegramWebhookRegistrar(api).register("https://support.example.com");
        telegram.addUpdate(text(42, 5, "via polling"));

        startPoller(committed::addAll, Duration.ofSeconds(1));

        assertThat(((InboundMessage) nextCommit().events().get(0)).text()).isEqualTo("via polling");
        assertThat(telegram.webhookUrl()).isNull();
    }

    @Test
    void stop_endsAWaitingLongPollPromptly() throws Exception {
        startPoller(committed::addAll, Duration.ofSeconds(25));
        assertThat(telegram.awaitCalls("getUpdates", 1, 5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        poller.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(poller.isRunning()).isFalse();
        int calls = telegram.calls("getUpdates").size();
        Thread.sleep(200);
        assertThat(telegram.calls("getUpdates")).hasSize(calls);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
