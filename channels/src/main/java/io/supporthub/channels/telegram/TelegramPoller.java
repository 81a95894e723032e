package io.supporthub.channels.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.FetchedPayloadSink;
import io.supporthub.channels.RawPayload;

/**
 * Long polling: our own {@code getUpdates} loop on a daemon thread. It first removes any webhook, then asks for
 * updates from the offset after the last one committed. Each update goes to the sink on its own, in order, as the
 * Bot API sent it ({@value #CONTENT_TYPE}) with its events, or refused with the reason when it can never be processed
 * (so the hub keeps it aside); only when the sink returns does the offset move past that update. When the sink or a
 * file download fails, the poller waits (doubling from {@code retryDelay} up to a minute) and asks Telegram again for
 * the same updates.
 *
 * <p>Run it on one node only (the hub holds the advisory lock); Telegram answers 409 to a second poller.
 */
public final class TelegramPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);
    /** What an update fetched from getUpdates is: one JSON object, as a webhook would have been sent. */
    public static final String CONTENT_TYPE = "application/json";

    private final TelegramApiClient api;
    private final TelegramUpdateParser parser;
    private final FetchedPayloadSink sink;
    private final int timeoutSeconds;
    private final Duration retryDelay;
    private final TelegramWebhookRegistrar registrar;

    private volatile Thread thread;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private volatile long offset;
    private volatile long handling = -1;

    public TelegramPoller(TelegramApiClient api, TelegramUpdateParser parser, FetchedPayloadSink sink) {
        this(api, parser, sink, Duration.ofSeconds(25), Duration.ofSeconds(1));
    }

    /**
     * @param longPollTimeout how long Telegram holds a getUpdates open when there is nothing new
     * @param retryDelay      the first pause after a failure; it doubles up to a minute
     */
    public TelegramPoller(TelegramApiClient api, TelegramUpdateParser parser, FetchedPayloadSink sink,
                          Duration longPollTimeout, Duration retryDelay) {
        this.api = api;
        this.parser = parser;
        this.sink = sink;
        this.timeoutSeconds = (int) longPollTimeout.toSeconds();
        this.retryDelay = retryDelay;
        this.registrar = new TelegramWebhookRegistrar(api);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopSignal = new CountDownLatch(1);
        Thread t = new Thread(this::run, "telegram-poller");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) ->
                log.error("Telegram long polling died and no longer fetches updates: restart the hub", e));
        thread = t;
        t.start();
        log.info("Telegram long polling started");
    }

    /** Stops polling and waits up to five seconds for the loop to end; an update being handled is finished first. */
    public synchronized void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        stopSignal.countDown();
        api.cancelLongPoll();
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        log.info("Telegram long polling stopped at offset {}", offset);
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** The next update id to ask for: every update below it was committed. */
    public long offset() {
        return offset;
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    private void run() {
        Duration delay = retryDelay;
        boolean webhookRemoved = false;
        while (!stopping()) {
            try {
                if (!webhookRemoved) {
                    TelegramWebhookRegistrar.Result removed = registrar.deleteWebhook();
                    if (!removed.ok()) {
                        delay = pause(delay);
                        continue;
                    }
                    webhookRemoved = true;
                }
                List<byte[]> updates = api.getUpdates(offset, timeoutSeconds, TelegramWebhookRegistrar.ALLOWED_UPDATES);
                for (byte[] update : updates) {
                    if (stopping()) {
                        return;
                    }
                    handle(update);
                }
                delay = retryDelay;
            } catch (TelegramCallException e) {
                if (stopping()) {
                    return;
                }
                if (e.errorCode() == 409) {
                    log.warn("Telegram refused getUpdates ({}): another poller or a webhook is active for this bot", e.description());
                    webhookRemoved = false;
                } else {
                    log.warn("Telegram getUpdates failed, trying again: {}", e.getMessage());
                }
                delay = e.retryAfter() != null ? pause(Duration.ofSeconds(e.retryAfter()), delay) : pause(delay);
            } catch (Exception e) {
                if (stopping()) {
                    return;
                }
                log.warn("Telegram update {} not committed, it will be fetched again: {}", handling, e.toString());
                delay = pause(delay);
            }
        }
    }

    private void handle(byte[] update) throws Exception {
        JsonNode id = api.mapper().readTree(update).get("update_id");
        handling = id != null && id.canConvertToLong() ? id.asLong() : -1;
        FetchedPayload fetched = parser.fetched(new RawPayload(CONTENT_TYPE, Map.of(), update));
        if (fetched.refused()) {
            log.warn("Telegram update {} cannot be processed, keeping it aside: {}", handling, fetched.refusal());
        }
        if (fetched.refused() || !fetched.events().isEmpty()) {
            sink.accept(List.of(fetched));
        }
        if (handling >= 0) {
            offset = handling + 1;
        }
    }

    /** Waits, unless stopping; returns the next, doubled delay. */
    private Duration pause(Duration delay) {
        return pause(delay, delay);
    }

    private Duration pause(Duration wait, Duration delay) {
        try {
            stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopSignal.countDown();
        }
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
    }
}
