package io.supporthub.hub.cluster;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.channels.sms.FakeTwilioApi;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.viber.FakeViberApi;
import io.supporthub.hub.support.TestDatabases;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub processes on one database behind a load balancer, under customers writing on every channel (some messages
 * redelivered) while an agent replies, postpones and resolves; one node is killed with {@code kill -9} in the middle and
 * started again. Nothing a provider was told is stored may be lost or stored twice; what was queued goes out, again only
 * if it was being sent at the kill; timers fire once; the survivor's agents hear of the other node's changes.
 * {@code -Dcluster.messages=4000 -Dcluster.smsReplies=200 ...} makes it the README's benchmark ({@link RunSize}).
 */
@Tag("serial")
class TwoNodesOneKilledTest {

    private static final Duration SETTLE = Duration.ofSeconds(120);
    private final RunSize size = RunSize.fromSystemProperties();
    private FakeTelegramBotApi telegram;
    private FakeViberApi viber;
    private FakeTwilioApi twilio;
    private GreenMail mail;
    private GreenMailUser mailbox;
    private ClusterDatabase database;
    private List<HubNode> nodes;

    @BeforeEach
    void startCluster() throws Exception {
        telegram = FakeTelegramBotApi.start();
        viber = FakeViberApi.start(ClusterSettings.VIBER_TOKEN);
        viber.callWebhookBack(false);
        twilio = FakeTwilioApi.start(ClusterSettings.TWILIO_SID, ClusterSettings.TWILIO_TOKEN);
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mailbox = mail.setUser(ClusterSettings.SUPPORT_MAILBOX, "help", "secret");
        String url = TestDatabases.freshDatabaseUrl();
        database = new ClusterDatabase(url);
        Map<String, String> settings = ClusterSettings.of(url, telegram, viber, twilio, mail);
        nodes = List.of(new HubNode("node-a", TestHub.freePort(), settings), new HubNode("node-b", TestHub.freePort(), settings));
        for (HubNode node : nodes) {
            node.start();
        }
        for (HubNode node : nodes) {
            node.awaitHealthy(Duration.ofSeconds(90));
        }
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (HubNode node : nodes) {
            node.close();
        }
        mail.stop();
        twilio.close();
        viber.close();
        telegram.close();
    }

    @Test
    void oneNodeKilledUnderLoad_losesNothing_duplicatesNothing_andResendsOnlyWhatWasInFlight() throws Exception {
        Instant started = Instant.now();
        LoadBalancer balancer = new LoadBalancer(nodes);
        String cookie = logIn(balancer);
        // The node importing the mailbox is the one killed, so the import has to move to the other.
        awaitCondition("a node holds the mailbox lock", () -> database.lockHolders().size() == 1);
        HubNode victim = nodes.stream().filter(n -> n.name.equals(database.lockHolders().get(0))).findFirst().orElseThrow();
        HubNode survivor = nodes.get(0) == victim ? nodes.get(1) : nodes.get(0);

        AgentWork agent = new AgentWork(balancer, database, cookie);
        List<Long> postponed = dedicatedTickets(balancer, "postpone", size.postponed());
        List<Long> resolved = dedicatedTickets(balancer, "resolve", size.resolved());
        CustomerLoad customers = new CustomerLoad(size.messages(), balancer, mailbox);
        try (LiveStream survivorPage = new LiveStream(survivor, cookie)) {
            CompletableFuture<Void> work = startWork(customers, agent, postponed, resolved);
            awaitCondition("half the load sent", size.load().plus(SETTLE), () -> customers.done.get() >= customers.size() / 2);
            Kill kill = killWhileSending(victim, agent);
            AtomicBoolean restarted = new AtomicBoolean();
            CompletableFuture<Duration> mailboxTakeover = CompletableFuture.supplyAsync(() -> unchecked(() -> {
                // The survivor's next try, or the restarted node's first: the dead session's lock may linger a moment.
                awaitCondition("a node took the mailbox over", () -> database.lockHolders().contains(survivor.name)
                        || restarted.get() && !database.lockHolders().isEmpty());
                return Duration.between(kill.at(), Instant.now());
            }));
            List<String> missedSms = smsWhileDown();
            awaitCondition("three quarters of the load sent", size.load().plus(SETTLE),
                    () -> customers.done.get() >= customers.size() * 3 / 4);
            Instant restartedAt = Instant.now();
            victim.start();
            victim.awaitHealthy(Duration.ofSeconds(90));
            restarted.set(true);
            work.join();

            // Changes through the restarted node, and through the victim before it died, reach the survivor's page.
            for (long id : resolved.isEmpty() ? postponed : resolved) {
                agent.replyThrough(victim, id, "api");
            }
            Set<Long> toldOnSurvivor = agent.replies.stream()
                    .filter(r -> r.node().equals(victim.name))
                    .filter(r -> r.at().isBefore(kill.at().minusSeconds(1)) || r.at().isAfter(restartedAt))
                    .map(AgentWork.Reply::ticketId).collect(Collectors.toSet());
            awaitSettled(customers, missedSms, postponed);
            awaitCondition("the survivor's page told of the other node's changes",
                    () -> survivorPage.changedTickets.containsAll(toldOnSurvivor));

            Map<String, Integer> stored = database.inboundCounts();
            int lost = (int) customers.acknowledged.stream().filter(key -> !stored.containsKey(key)).count();
            int duplicated = (int) stored.values().stream().filter(count -> count > 1).count();
            List<FakeSends.Sent> sent = FakeSends.all(telegram, viber, customers.customers, twilio, mail);
            int extra = sent.size() - database.acceptedByChannel().values().stream().mapToInt(Integer::intValue).sum();
            int mailDuplicates = FakeSends.repeatedMessageIds(sent);
            List<LoadBalancer.Failure> failures = List.copyOf(balancer.failures);
            long connectionErrors = failures.stream().filter(f -> f.kind().equals(LoadBalancer.CONNECTION_ERROR)).count();
            RunFigures figures = new RunFigures(customers.size() - customers.redeliveries.get(), customers.redeliveries.get(),
                    agent.replies.size(), (int) agent.replies.stream().filter(r -> r.channel().equals("sms")).count(), 1,
                    kill.exitCode(), lost, duplicated, sent.size(), extra, kill.inFlight(), mailDuplicates,
                    (int) connectionErrors, failures.size() - (int) connectionErrors,
                    (int) postponed.stream().filter(id -> database.moves(id, "postponed", "open") == 1).count(),
                    mailboxTakeover.join().toSeconds(), Duration.between(started, Instant.now()).toSeconds());
            System.out.println(figures.describe());

            assertThat(kill.exitCode()).as("kill -9").isEqualTo(HubNode.KILLED_BY_SIGKILL);
            assertThat(lost).as("acknowledged messages lost").isZero();
            assertThat(duplicated).as("messages stored twice").isZero();
            assertThat(stored.keySet()).as("the mails imported").filteredOn(key -> key.startsWith("email:")).hasSize(customers.mails);
            assertThat(failures).as("failed posts: connection errors on the killed node only")
                    .allMatch(f -> f.node().equals(victim.name) && f.kind().equals(LoadBalancer.CONNECTION_ERROR));
            assertThat(database.count("select count(*) from message where direction = 'out' and visibility = 'public' "
                    + "and (external_id is null or delivery_state = 'failed')"))
                    .as("outgoing messages not sent").isZero();
            assertThat(agent.replies).as("every reply reached its provider")
                    .allMatch(reply -> sent.stream().anyMatch(s -> s.text() != null && s.text().contains(reply.text())));
            assertThat(kill.inFlight()).as("messages in flight at the kill (the SMS held)").isPositive();
            assertThat(extra).as("extra sends, at most one per message in flight at the kill").isBetween(0, kill.inFlight());
            assertThat(mailDuplicates).isLessThanOrEqualTo(extra);
            assertThat(postponed).as("each postponed ticket woken exactly once")
                    .allMatch(id -> database.moves(id, "postponed", "open") == 1);
            assertThat(resolved).as("each resolved ticket resolved once")
                    .allMatch(id -> database.moves(id, "%", "resolved") == 1);
        }
    }

    /**
     * Postpones the tickets, their wake-ups spread from a quarter to three quarters of the load (before, during and
     * after the kill), then starts the customers, the agent's replies and the resolving, each over the load's length.
     */
    private CompletableFuture<Void> startWork(CustomerLoad customers, AgentWork agent, List<Long> postponed,
                                              List<Long> resolved) throws InterruptedException {
        Instant loadStart = Instant.now();
        for (int i = 0; i < postponed.size(); i++) {
            agent.postpone(postponed.get(i), loadStart.plus(size.load().multipliedBy(i + postponed.size())
                    .dividedBy(2L * postponed.size())).minus(size.load().dividedBy(4)));
        }
        return CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> unchecked(() -> customers.run(4, size.load()))),
                CompletableFuture.runAsync(() -> unchecked(() -> agent.reply(size.replies(), size.smsReplies(), size.load()))),
                CompletableFuture.runAsync(() -> unchecked(() -> {
                    for (long id : resolved) {
                        agent.resolve(id);
                        Thread.sleep(size.load().toMillis() / Math.max(1, resolved.size()));
                    }
                })));
    }

    /** Waits until the nodes have done what was asked of them: stored, reconciled, sent, woken. */
    private void awaitSettled(CustomerLoad customers, List<String> missedSms, List<Long> postponed) throws InterruptedException {
        awaitCondition("every acknowledged message stored", () ->
                database.inboundCounts().keySet().containsAll(customers.acknowledged));
        awaitCondition("the SMS missed while a node was down reconciled", () ->
                missedSms.stream().allMatch(sid -> database.ticketOf("sms", sid).isPresent()));
        awaitCondition("the outbox sent everything", () -> database.count("select count(*) from outbox") == 0);
        awaitCondition("every postponed ticket woken", () -> postponed.stream().allMatch(id -> database.status(id).equals("open")));
    }

    private String logIn(LoadBalancer balancer) throws InterruptedException {
        LoadBalancer.Answer answer = balancer.send(base -> HttpRequest.newBuilder(base.resolve("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderRequests.json(Map.of(
                        "email", ClusterSettings.ADMIN_EMAIL, "password", ClusterSettings.ADMIN_PASSWORD)))).build());
        return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    /** Tickets of customers who write once, through the generic channel, for the agent to postpone or resolve. */
    private List<Long> dedicatedTickets(LoadBalancer balancer, String purpose, int count) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ProviderRequests.Delivery delivery = ProviderRequests.generic(1_000_000 + ids.size() + (purpose.equals("resolve") ? 1000 : 0),
                    (purpose.equals("resolve") ? 2_000_000 : 1_000_000) + i);
            assertThat(balancer.send(delivery.request()).ok()).isTrue();
            ids.add(database.ticketOf("api", delivery.externalId()).orElseThrow());
        }
        return ids;
    }

    /** SMS that reached Twilio while a node was down and never came as webhooks: the reconciliation must import them. */
    private List<String> smsWhileDown() {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sids.add(twilio.addInbound(ProviderRequests.smsCustomer(9000 + i), ClusterSettings.OUR_NUMBER,
                    "Missed SMS " + i, Instant.now()));
        }
        return sids;
    }

    /** The kill: when, how the JVM ended, and how many messages were being sent (leased in the outbox) at that moment. */
    private record Kill(Instant at, int exitCode, int inFlight) {
    }

    /**
     * Kills the node while it is sending an SMS: the fake Twilio holds that node's message creates, the node sends one
     * (a reply committed on a node wakes its own outbox at once; the other looks every second), and once Twilio has
     * it the node dies before it hears back. Twilio takes the message when released, as it would have.
     */
    private Kill killWhileSending(HubNode victim, AgentWork agent) throws InterruptedException {
        twilio.holdCreates(victim.name);
        while (!within(Duration.ofSeconds(3), () -> twilio.heldCreates() > 0)) {
            agent.replyThrough(victim, database.ticketToAnswer("sms").orElseThrow(), "sms");
        }
        Instant at = Instant.now();
        int exitCode = victim.kill();
        int inFlight = database.leasedSince(Duration.ofSeconds(ClusterSettings.OUTBOX_LEASE_SECONDS), Duration.ofSeconds(5));
        twilio.releaseCreates();
        return new Kill(at, exitCode, inFlight);
    }

    private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        awaitCondition(what, SETTLE, condition);
    }

    private static void awaitCondition(String what, Duration time, BooleanSupplier condition) throws InterruptedException {
        if (!within(time, condition)) {
            throw new AssertionError("not within " + time + ": " + what);
        }
    }

    private static boolean within(Duration time, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(time);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void unchecked(Action action) {
        unchecked(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T unchecked(java.util.concurrent.Callable<T> action) {
        try {
            return action.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
