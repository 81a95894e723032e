package io.supporthub.hub.cluster;

import com.icegreen.greenmail.user.GreenMailUser;
import io.supporthub.hub.cluster.ProviderRequests.Delivery;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customers writing on every channel: each message once, and one in {@value #REDELIVERED_EVERY} delivered again as the
 * providers do (the same update_id, message_token, MessageSid, externalId, Message-ID), all in a shuffled order spread
 * over the run. Webhooks go through the load balancer; mail is put into the support mailbox, which the node holding
 * its lock imports. A message counts as acknowledged when its provider got a 2xx (mail: when the mailbox took it).
 */
final class CustomerLoad {

    static final int REDELIVERED_EVERY = 7;
    private static final int CUSTOMERS_PER_CHANNEL_SHARE = 3;

    private record Step(String key, Delivery webhook, String mail) {
    }

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicInteger redeliveries = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    final int mails;
    final int customers;
    private final List<Step> steps = new ArrayList<>();
    private final LoadBalancer balancer;
    private final GreenMailUser mailbox;

    CustomerLoad(int messages, LoadBalancer balancer, GreenMailUser mailbox) {
        this.balancer = balancer;
        this.mailbox = mailbox;
        int perChannel = Math.max(1, messages / 5);
        this.customers = Math.max(1, perChannel / CUSTOMERS_PER_CHANNEL_SHARE);
        List<Step> redelivered = new ArrayList<>();
        for (int n = 0; n < perChannel; n++) {
            int customer = n % customers;
            List<Step> these = List.of(
                    webhook(ProviderRequests.generic(customer, n)),
                    webhook(ProviderRequests.telegram(customer, n)),
                    webhook(ProviderRequests.viber(customer, n)),
                    webhook(ProviderRequests.sms(customer, n)),
                    mail(customer, n));
            steps.addAll(these);
            if (n % REDELIVERED_EVERY == 0) {
                redelivered.addAll(these);
            }
        }
        this.mails = perChannel;
        Random random = new Random(13);
        Collections.shuffle(steps, random);
        // A provider redelivers after its first try, so each second delivery goes somewhere in the later half.
        for (Step step : redelivered) {
            int first = steps.indexOf(step);
            steps.add(first + 1 + random.nextInt(steps.size() - first), step);
        }
    }

    int size() {
        return steps.size();
    }

    private static Step webhook(Delivery delivery) {
        return new Step(ClusterDatabase.key(delivery.channel(), delivery.externalId()), delivery, null);
    }

    private static Step mail(int customer, int n) {
        String messageId = "mail-" + n + "@customers.test";
        String raw = "From: Mail Customer " + customer + " <mail-" + customer + "@customers.test>\r\n"
                + "To: " + ClusterSettings.SUPPORT_MAILBOX + "\r\n"
                + "Subject: Question number " + n + "\r\n"
                + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Mail message " + n + "\r\n";
        return new Step(ClusterDatabase.key("email", messageId), null, raw);
    }

    /** Sends every step from {@code threads} senders, spread evenly over {@code duration}; returns when all are sent. */
    void run(int threads, Duration duration) throws Exception {
        long pauseMillis = duration.toMillis() * threads / Math.max(1, steps.size());
        AtomicInteger next = new AtomicInteger();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < steps.size(); i = next.getAndIncrement()) {
                        Step step = steps.get(i);
                        if (!seen.add(step.key())) {
                            redeliveries.incrementAndGet();
                        }
                        deliver(step);
                        done.incrementAndGet();
                        Thread.sleep(pauseMillis);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private void deliver(Step step) throws InterruptedException, MessagingException {
        if (step.mail() != null) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(step.mail().getBytes(StandardCharsets.UTF_8)));
            // One delivery at a time, as a mail server appends to a mailbox: GreenMail numbers a mail before storing
            // it, so two at once can appear out of UID order, which no IMAP server may do (RFC 3501 2.3.1.1).
            synchronized (mailbox) {
                mailbox.deliver(message);
            }
            acknowledged.add(step.key());
            return;
        }
        LoadBalancer.Answer answer = balancer.send(step.webhook().request());
        if (!answer.ok()) {
            throw new IllegalStateException(step.key() + " was refused by " + answer.node().name + ": "
                    + answer.status() + " " + answer.body());
        }
        acknowledged.add(step.key());
    }
}
