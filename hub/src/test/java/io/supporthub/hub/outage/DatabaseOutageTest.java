package io.supporthub.hub.outage;

import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.db.AdvisoryLock;
import io.supporthub.hub.db.Database;
import io.supporthub.hub.outage.AgentReplies.Conversation;
import io.supporthub.hub.outage.AgentReplies.Queued;
import io.supporthub.hub.outage.CustomerLoad.Message;
import io.supporthub.hub.outage.CustomerLoad.Redelivery;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away for ten seconds under load (a {@link io.supporthub.hub.support.TcpProxy} between the hub
 * and PostgreSQL drops every connection and swallows new ones) and comes back: meanwhile webhooks answer 503 and
 * {@code /health} says so at once; afterwards every message a provider got a 2xx for, or redelivered until it did, is
 * stored once, the SMS Twilio gave up on come back through reconciliation, every queued reply reaches its provider,
 * and the timers and advisory locks carry on by themselves.
 */
@Tag("serial")
class DatabaseOutageTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);
    private static final Duration CUT = Duration.ofSeconds(10);
    private static final int CUSTOMERS_PER_CHANNEL = 2;
    /** The outbox's workers: at most this many sends can be in flight when the connections drop. */
    private static final int DISPATCHER_WORKERS = 4;
    private static final Duration HEALTH_ANSWER = Duration.ofSeconds(1);
    /** The pool's wait for a connection plus a margin: a 503 that comes later means requests pile up. */
    private static final Duration WEBHOOK_ANSWER = Database.CONNECTION_TIMEOUT.plusMillis(1_500);

    @Test
    void aTenSecondCutUnderLoad_answers503Meanwhile_andOnceBackNothingIsLostOrDoubled() throws Exception {
        try (OutageHub outage = new OutageHub()) {
            TestHub hub = outage.hub;
            CustomerLoad load = new CustomerLoad();
            startCustomers(outage, load);
            await("every channel has stored messages", Duration.ofSeconds(20), () -> List.of(ChannelKind.TELEGRAM,
                    ChannelKind.VIBER, ChannelKind.SMS, ChannelKind.API).stream()
                    .allMatch(channel -> load.log(channel).acknowledged.size() >= CUSTOMERS_PER_CHANNEL * 2));
            List<Conversation> conversations = conversations(outage);
            AgentReplies replies = new AgentReplies(hub, conversations);
            replies.start();
            AtomicInteger lockTaken = new AtomicInteger();
            AtomicInteger lockLost = new AtomicInteger();
            try (AdvisoryLock lock = new AdvisoryLock(hub.database.sessions(), "outage probe", Duration.ofMillis(500),
                    lockTaken::incrementAndGet, lockLost::incrementAndGet)) {
                lock.start();
                await("the probe takes its lock", Duration.ofSeconds(5), lock::held);
                Thread.sleep(2_000);
                CountDownLatch inFlight = sendInFlight(outage, replies, conversations.get(1));
                long wokenDuringCut = postponedTicket(hub, load.log(ChannelKind.API), "wake-during",
                        Instant.now().plus(CUT.dividedBy(3)));
                long wokenAfterCut = postponedTicket(hub, load.log(ChannelKind.API), "wake-after",
                        Instant.now().plus(CUT).plusSeconds(3));
                log.info("Cutting the database for {}", CUT);
                outage.proxy.cut();
                Thread.sleep(1_000);
                inFlight.countDown();
                List<Probe> health = probeHealthFor(hub, CUT);
                assertThat(lockLost).as("the lock's holder noticed its connection was gone").hasValue(1);
                outage.proxy.restore();
                log.info("Database back");

                assertThat(health).isNotEmpty().allSatisfy(probe -> {
                    assertThat(probe.status()).isEqualTo(503);
                    assertThat(probe.body()).contains("database unavailable");
                    assertThat(probe.took()).isLessThan(HEALTH_ANSWER);
                });
                await("/health is ok again", Duration.ofSeconds(10), () -> hub.get("/health").status() == 200);
                await("the lock is taken again", Duration.ofSeconds(10), () -> lock.held() && lockTaken.get() == 2);
                Thread.sleep(2_000);
                load.stop();
                replies.stop();

                assertInboundStoredOnce(outage, load, ChannelKind.TELEGRAM);
                assertInboundStoredOnce(outage, load, ChannelKind.VIBER);
                assertInboundStoredOnce(outage, load, ChannelKind.API);
                assertMissedSmsComeBackThroughReconciliation(outage, load.log(ChannelKind.SMS));
                assertRepliesDelivered(outage, replies);
                await("both postponed tickets are open again", Duration.ofSeconds(30),
                        () -> outage.ticketStatus(wokenDuringCut).equals("open")
                                && outage.ticketStatus(wokenAfterCut).equals("open"));
            }
        }
    }

    /**
     * A reply to Viber whose send is under way, the fake holding its answer until the returned latch is counted
     * down, so that Viber takes it while the database is away.
     */
    private static CountDownLatch sendInFlight(OutageHub outage, AgentReplies replies, Conversation viber)
            throws InterruptedException {
        assertThat(viber.channel()).isEqualTo(ChannelKind.VIBER);
        String text = "Agent reply in flight at the cut";
        CountDownLatch release = outage.viber.holdSendOf(text);
        replies.reply(viber, text);
        await("the reply is being sent", Duration.ofSeconds(10), () -> outage.viber.requests().stream()
                .anyMatch(request -> request.bodyText().contains(text)));
        return release;
    }

    private static void startCustomers(OutageHub outage, CustomerLoad load) {
        Webhooks webhooks = new Webhooks(outage);
        AtomicLong updateIds = new AtomicLong(100_000);
        for (int customer = 1; customer <= CUSTOMERS_PER_CHANNEL; customer++) {
            int c = customer;
            long chat = 70_000 + c;
            String viberUser = "outage-viber-" + c + "==";
            String phone = "+1415555010" + c;
            String email = "outage-" + c + "@example.com";
            // Message ids far above the bot's own in the chat (they share one sequence in Telegram).
            load.start(ChannelKind.TELEGRAM, Redelivery.UNTIL_ACKNOWLEDGED, n -> {
                String text = "Telegram " + chat + " #" + n;
                long updateId = updateIds.incrementAndGet();
                return new Message(chat + ":" + (10_000 + n), text,
                        () -> webhooks.telegram(updateId, chat, 10_000 + n, text));
            });
            load.start(ChannelKind.VIBER, Redelivery.UNTIL_ACKNOWLEDGED, n -> {
                String text = "Viber " + viberUser + " #" + n;
                long token = outage.viber.nextToken();
                return new Message(Long.toString(token), text, () -> webhooks.viber(viberUser, token, text));
            });
            load.start(ChannelKind.SMS, Redelivery.ONCE_ON_FAILED_CONNECTION, n -> {
                String text = "SMS " + phone + " #" + n;
                // In Twilio's log whatever becomes of the webhook, as on the real service.
                String sid = outage.twilio.addInbound(phone, OutageHub.OUR_NUMBER, text, Instant.now());
                return new Message(sid, text, () -> webhooks.twilio(sid, phone, text));
            });
            load.start(ChannelKind.API, Redelivery.UNTIL_ACKNOWLEDGED, n -> {
                String id = "outage-" + c + "-" + n;
                String text = "Generic " + email + " #" + n;
                return new Message(id, text, () -> webhooks.generic(id, email, text));
            });
        }
    }

    /** A ticket on each channel that has an outbound side: the one the first customer's messages went to. */
    private static List<Conversation> conversations(OutageHub outage) {
        return List.of(
                conversation(outage, ChannelKind.TELEGRAM, "70001"),
                conversation(outage, ChannelKind.VIBER, "outage-viber-1=="),
                conversation(outage, ChannelKind.SMS, "+14155550101"));
    }

    private static Conversation conversation(OutageHub outage, ChannelKind channel, String address) {
        long ticketId = outage.hub.app.transactions().read(handle -> handle.createQuery("""
                        select m.ticket_id from message m join contact_address a on a.id = m.address_id
                        where m.channel = :channel and a.value = :address order by m.id limit 1""")
                .bind("channel", channel.wireName()).bind("address", address).mapTo(Long.class).one());
        return new Conversation(ticketId, channel, address);
    }

    /** A ticket opened through the generic channel (logged with its deliveries) and postponed until {@code until}. */
    private static long postponedTicket(TestHub hub, DeliveryLog generic, String name, Instant until) {
        String text = "Call me back later, " + name;
        TestHub.Response opened = hub.inbound(name, "Pat", name + "@example.com", text);
        assertThat(opened.status()).isBetween(200, 201);
        generic.acknowledged.add(name);
        generic.texts.add(text);
        long ticketId = opened.json().get("ticketId").asLong();
        assertThat(hub.post("/api/tickets/" + ticketId + "/status",
                Map.of("status", "postponed", "until", until.toString())).status()).isEqualTo(200);
        return ticketId;
    }

    private record Probe(int status, String body, Duration took) {
    }

    private static List<Probe> probeHealthFor(TestHub hub, Duration period) throws InterruptedException {
        List<Probe> probes = new ArrayList<>();
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            TestHub.Response response = hub.get("/health");
            probes.add(new Probe(response.status(), response.body(), Duration.ofNanos(System.nanoTime() - started)));
            Thread.sleep(500);
        }
        return probes;
    }

    /** Telegram, Viber and the generic channel's client redeliver: in the end each message is stored exactly once. */
    private static void assertInboundStoredOnce(OutageHub outage, CustomerLoad load, ChannelKind channel) {
        DeliveryLog delivered = load.log(channel);
        log.info("{}: {} messages, {} answered 503 (the slowest in {} ms), {} redeliveries", channel,
                delivered.written(), delivered.unavailable, delivered.slowestUnavailableMillis(), delivered.redeliveries);
        assertThat(delivered.problems).as(channel + " answers").isEmpty();
        assertThat(delivered.givenUp).as(channel + " messages never acknowledged").isEmpty();
        assertThat(delivered.unavailable).as(channel + " felt the cut").hasPositiveValue();
        assertThat(delivered.slowestUnavailableMillis()).as(channel + " slowest 503, ms")
                .isLessThan(WEBHOOK_ANSWER.toMillis());
        assertStoredOnce(outage, channel, delivered.acknowledged, delivered.texts);
    }

    private static void assertMissedSmsComeBackThroughReconciliation(OutageHub outage, DeliveryLog sms)
            throws Exception {
        log.info("SMS: {} acknowledged, {} given up by Twilio after a 503 (the slowest in {} ms)",
                sms.acknowledged.size(), sms.givenUp.size(), sms.slowestUnavailableMillis());
        assertThat(sms.problems).as("SMS answers").isEmpty();
        assertThat(sms.givenUp).as("SMS that got a 503, which Twilio does not retry").isNotEmpty();
        assertThat(sms.slowestUnavailableMillis()).as("SMS slowest 503, ms").isLessThan(WEBHOOK_ANSWER.toMillis());
        Set<String> storedBefore = new HashSet<>(outage.storedExternalIds(ChannelKind.SMS));
        assertThat(storedBefore).containsAll(sms.acknowledged);
        long missing = sms.givenUp.stream().filter(sid -> !storedBefore.contains(sid)).count();

        int imported = outage.hub.app.smsReconciliation().orElseThrow().run();

        assertThat(imported).as("SMS imported by reconciliation").isEqualTo(missing);
        Set<String> everySms = new HashSet<>(sms.acknowledged);
        everySms.addAll(sms.givenUp);
        assertStoredOnce(outage, ChannelKind.SMS, everySms, sms.texts);
        assertThat(outage.hub.app.smsReconciliation().orElseThrow().run()).as("a second run").isZero();
    }

    private static void assertStoredOnce(OutageHub outage, ChannelKind channel, Set<String> providerIds,
                                         Set<String> texts) {
        List<String> stored = outage.storedExternalIds(channel);
        assertThat(stored).as(channel + " stored messages").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(providerIds);
        Map<String, Long> copies = outage.storedInboundTexts(channel).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet()).as(channel + " texts stored").containsExactlyInAnyOrderElementsOf(texts);
        assertThat(copies.values()).as(channel + " copies of each text").containsOnly(1L);
    }

    /** Every reply the API took reaches its provider; one goes twice only if it was being sent at the cut. */
    private static void assertRepliesDelivered(OutageHub outage, AgentReplies replies) throws InterruptedException {
        log.info("Agent replies: {} queued, {} answered 503", replies.queued.size(), replies.unavailable);
        assertThat(replies.problems).as("reply answers").isEmpty();
        assertThat(replies.unavailable).as("replies refused during the cut").hasPositiveValue();
        List<Long> ids = replies.queued.stream().map(Queued::messageId).toList();
        eventually(Duration.ofSeconds(40), () -> unsent(outage, replies).isEmpty());
        // A row still leased (next attempt at the lease's end) is a worker that lost its item; a near one is backoff.
        assertThat(unsent(outage, replies)).as("queued replies not sent: delivery state and sends; outbox rows %s at %s",
                outage.outboxRows(ids), outage.hub.clock.instant()).isEmpty();
        await("the outbox is empty", Duration.ofSeconds(10), () -> outage.outboxSize() == 0);
        int extra = replies.queued.stream().mapToInt(reply -> sendsOf(outage, reply) - 1).sum();
        log.info("Agent replies sent more than once: {}", extra);
        assertThat(extra).as("replies sent twice (in flight at the cut)").isLessThanOrEqualTo(DISPATCHER_WORKERS);
        assertThat(outage.deliveryStates(ids).values()).as("delivery states").allMatch(state -> !state.equals("failed"));
    }

    /** The replies still in the outbox or not seen by their provider, each with its delivery state and sends. */
    private static List<String> unsent(OutageHub outage, AgentReplies replies) {
        List<Long> ids = replies.queued.stream().map(Queued::messageId).toList();
        Map<Long, String> states = outage.deliveryStates(ids);
        Set<Long> inOutbox = outage.stillInOutbox(ids);
        return replies.queued.stream()
                .filter(reply -> sendsOf(outage, reply) == 0 || inOutbox.contains(reply.messageId()))
                .map(reply -> reply.text() + ": " + states.get(reply.messageId())
                        + (inOutbox.contains(reply.messageId()) ? " in the outbox" : "") + ", sent " + sendsOf(outage, reply))
                .toList();
    }

    private static int sendsOf(OutageHub outage, Queued reply) {
        String address = reply.conversation().address();
        return (int) switch (reply.conversation().channel()) {
            case TELEGRAM -> outage.telegram.messagesTo(Long.parseLong(address)).stream()
                    .filter(m -> m.text() != null && m.text().contains(reply.text())).count();
            case VIBER -> outage.viber.messagesTo(address).stream()
                    .filter(m -> m.path("text").asText().contains(reply.text())).count();
            case SMS -> outage.twilio.sentMessages().stream()
                    .filter(m -> m.to().equals(address) && m.body().contains(reply.text())).count();
            default -> throw new IllegalArgumentException("no outbound side: " + reply.conversation().channel());
        };
    }

    private static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        if (!eventually(within, condition)) {
            throw new AssertionError("timed out after " + within + " waiting until " + what);
        }
    }

    /** Whether the condition holds within the time given. */
    private static boolean eventually(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
