package io.supporthub.hub.outage;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.sms.FakeTwilioApi;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.viber.FakeViberApi;
import io.supporthub.hub.support.TcpProxy;
import io.supporthub.hub.support.TestHub;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A hub with background work on, whose database is reached through a {@link TcpProxy}, with Telegram (webhook
 * mode), Viber and Twilio SMS as their real channels against the loopback fakes, and the generic channel. Its clock
 * follows the real one, as Quartz's triggers do.
 */
final class OutageHub implements AutoCloseable {

    static final String PUBLIC_URL = "https://hub.example.com";
    static final String TWILIO_ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "outage-test-token";
    static final String OUR_NUMBER = "+15550001111";
    static final String VIBER_TOKEN = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";

    final TcpProxy proxy;
    final FakeTelegramBotApi telegram;
    final FakeViberApi viber;
    final FakeTwilioApi twilio;
    final TestHub hub;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outage-hub-clock");
        thread.setDaemon(true);
        return thread;
    });

    OutageHub() throws IOException {
        proxy = TcpProxy.inFrontOfFreshDatabase();
        telegram = FakeTelegramBotApi.start();
        viber = FakeViberApi.start(VIBER_TOKEN);
        // PUBLIC_URL is not this hub's address, so the fake must not check the webhook by calling it.
        viber.callWebhookBack(false);
        twilio = FakeTwilioApi.start(TWILIO_ACCOUNT, TWILIO_TOKEN);
        hub = new TestHub(proxy.jdbcUrl(), Map.ofEntries(
                Map.entry("PUBLIC_URL", PUBLIC_URL),
                Map.entry("TELEGRAM_BOT_TOKEN", telegram.token()),
                Map.entry("TELEGRAM_WEBHOOK_SECRET", FakeTelegramBotApi.SECRET),
                Map.entry("TELEGRAM_MODE", "webhook"),
                Map.entry("TELEGRAM_API_URL", telegram.baseUrl()),
                Map.entry("VIBER_AUTH_TOKEN", VIBER_TOKEN),
                Map.entry("VIBER_API_URL", viber.apiUrl().toString()),
                Map.entry("MEDIA_URL_SECRET", "media-secret-for-outage-tests-0123"),
                Map.entry("TWILIO_ACCOUNT_SID", TWILIO_ACCOUNT),
                Map.entry("TWILIO_AUTH_TOKEN", TWILIO_TOKEN),
                Map.entry("TWILIO_FROM", OUR_NUMBER),
                Map.entry("TWILIO_API_URL", twilio.baseUrl())),
                true, Instant.now(), Set.of(ChannelKind.TELEGRAM, ChannelKind.VIBER, ChannelKind.SMS));
        ticker.scheduleAtFixedRate(() -> hub.clock.set(Instant.now()), 20, 20, TimeUnit.MILLISECONDS);
        hub.logIn();
    }

    /** The stored inbound messages of a channel, by provider id (one row each, or the unique key was broken). */
    List<String> storedExternalIds(ChannelKind channel) {
        return hub.app.transactions().read(handle -> handle.createQuery(
                        "select external_id from message where channel = :channel and direction = 'in'")
                .bind("channel", channel.wireName()).mapTo(String.class).list());
    }

    /** How many inbound messages of a channel carry this text (a redelivery stored twice would make it two). */
    List<String> storedInboundTexts(ChannelKind channel) {
        return hub.app.transactions().read(handle -> handle.createQuery(
                        "select text from message where channel = :channel and direction = 'in'")
                .bind("channel", channel.wireName()).mapTo(String.class).list());
    }

    /** The delivery states of the outgoing messages with these ids. */
    Map<Long, String> deliveryStates(List<Long> messageIds) {
        return hub.app.transactions().read(handle -> handle.createQuery(
                        "select id, delivery_state from message where id = any(:ids)")
                .bind("ids", messageIds.toArray(Long[]::new))
                .reduceRows(new java.util.HashMap<Long, String>(), (map, row) -> {
                    map.put(row.getColumn("id", Long.class), row.getColumn("delivery_state", String.class));
                    return map;
                }));
    }

    /** Those of these outgoing messages that the outbox still holds (not yet handed to their provider). */
    Set<Long> stillInOutbox(List<Long> messageIds) {
        return Set.copyOf(hub.app.transactions().read(handle -> handle.createQuery(
                        "select message_id from outbox where message_id = any(:ids)")
                .bind("ids", messageIds.toArray(Long[]::new)).mapTo(Long.class).list()));
    }

    /** The outbox rows of these messages, each as "message id: attempts, next attempt at, last error". */
    List<String> outboxRows(List<Long> messageIds) {
        return hub.app.transactions().read(handle -> handle.createQuery("""
                        select message_id || ': ' || attempts || ' attempts, next at ' || next_attempt_at
                            || ', last error ' || coalesce(last_error, 'none') from outbox
                        where message_id = any(:ids) order by id""")
                .bind("ids", messageIds.toArray(Long[]::new)).mapTo(String.class).list());
    }

    int outboxSize() {
        return hub.app.transactions().read(handle -> handle.createQuery("select count(*) from outbox")
                .mapTo(Integer.class).one());
    }

    String ticketStatus(long ticketId) {
        return hub.app.transactions().read(handle -> handle.createQuery("select status from ticket where id = :id")
                .bind("id", ticketId).mapTo(String.class).one());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        hub.close();
        twilio.close();
        viber.close();
        telegram.close();
        proxy.close();
    }
}
