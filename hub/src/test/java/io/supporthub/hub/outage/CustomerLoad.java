package io.supporthub.hub.outage;

import io.supporthub.channels.ChannelKind;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Customers writing to the hub, each on a thread of its own, one message after another, every message delivered as
 * its provider delivers: Telegram, Viber and the generic channel's client redeliver until they get a 2xx (a customer's
 * next message waits for it, as Telegram holds back a chat's later updates); Twilio retries once on a failed
 * connection and never on an HTTP error.
 */
final class CustomerLoad {

    enum Redelivery { UNTIL_ACKNOWLEDGED, ONCE_ON_FAILED_CONNECTION }

    interface Call {
        int post() throws IOException, InterruptedException;
    }

    /** One message: its provider id (the message's external id in the hub), its text, and its delivery. */
    record Message(String providerId, String text, Call delivery) {
    }

    interface Customer {
        Message write(int n) throws IOException;
    }

    static final Duration BETWEEN_MESSAGES = Duration.ofMillis(150);
    static final Duration REDELIVERY_DELAY = Duration.ofMillis(500);
    /** A provider that has not been acknowledged after this long is a failure of the test's own making. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(40);

    private final Map<ChannelKind, DeliveryLog> logs = new EnumMap<>(ChannelKind.class);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean writing = true;

    synchronized DeliveryLog log(ChannelKind channel) {
        return logs.computeIfAbsent(channel, c -> new DeliveryLog());
    }

    /** Starts a customer on {@code channel} who writes until {@link #stop()}. */
    void start(ChannelKind channel, Redelivery redelivery, Customer customer) {
        DeliveryLog log = log(channel);
        Thread thread = new Thread(() -> {
            try {
                for (int n = 1; writing; n++) {
                    deliver(customer.write(n), redelivery, log);
                    Thread.sleep(BETWEEN_MESSAGES.toMillis());
                }
            } catch (IOException e) {
                log.problems.add("could not write a message: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "customer " + channel.wireName());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Lets every customer finish the message in hand (its redeliveries included) and write no more. */
    void stop() throws InterruptedException {
        writing = false;
        for (Thread thread : threads) {
            thread.join(GIVE_UP_AFTER.plusSeconds(5).toMillis());
        }
    }

    private static void deliver(Message message, Redelivery redelivery, DeliveryLog log) throws InterruptedException {
        log.texts.add(message.text());
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        boolean retriedConnection = false;
        while (true) {
            long started = System.nanoTime();
            int status;
            try {
                status = message.delivery().post();
            } catch (HttpTimeoutException e) {
                log.problems.add(message.providerId() + " got no answer within " + Webhooks.ANSWER_TIMEOUT);
                status = -1;
            } catch (IOException e) {
                status = -1;
            }
            if (status >= 200 && status < 300) {
                log.acknowledged.add(message.providerId());
                return;
            }
            if (status == 503) {
                log.unavailableAfter(Duration.ofNanos(System.nanoTime() - started));
            } else if (status != -1) {
                log.problems.add(message.providerId() + " answered " + status);
            }
            boolean redeliver = switch (redelivery) {
                case UNTIL_ACKNOWLEDGED -> System.nanoTime() < deadline;
                case ONCE_ON_FAILED_CONNECTION -> status == -1 && !retriedConnection;
            };
            if (!redeliver) {
                log.givenUp.add(message.providerId());
                return;
            }
            retriedConnection = status == -1;
            log.redeliveries.incrementAndGet();
            Thread.sleep(REDELIVERY_DELAY.toMillis());
        }
    }
}
