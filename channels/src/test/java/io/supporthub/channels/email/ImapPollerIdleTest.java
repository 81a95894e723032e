package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.channels.FetchedPayloadSink;
import io.supporthub.channels.InboundMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The running poller between imports: when it looks again, and how long it waits in IDLE at most. */
class ImapPollerIdleTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(true);

    private static final Duration LONG = Duration.ofSeconds(60);

    private final MailParser parser = new MailParser(1 << 20);
    private final RecordingSink recorded = new RecordingSink();
    private GreenMailUser user;
    private ImapSettings settings;

    @BeforeEach
    void mailbox() {
        user = greenMail.setUser("help@example.com", "help", "secret");
        settings = ImapSettings.parse("imap://help:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX");
    }

    @Test
    void mailArrivingDuringAnImport_isTakenWithoutAnotherDelivery() throws Exception {
        AtomicBoolean deliveredDuringImport = new AtomicBoolean();
        FetchedPayloadSink sink = batch -> {
            recorded.accept(batch);
            if (deliveredDuringImport.compareAndSet(false, true)) {
                deliver("during@example.org", "while the first was being stored");
            }
        };
        deliver("first@example.org", "first");
        // neither the poll interval nor the IDLE renewal comes round during the test: only looking again finds it
        try (ImapPoller poller = new ImapPoller(settings, parser, sink, new InMemoryCursorStore(), LONG, LONG, 10)) {
            poller.start();
            await(() -> recorded.events().size() == 2, Duration.ofSeconds(10));
        }
        assertThat(recorded.events(InboundMessage.class)).extracting(InboundMessage::externalId)
                .containsExactly("first@example.org", "during@example.org");
    }

    @Test
    void idleWithNothingAnnounced_looksAtTheMailboxAgainWithinThePollInterval() throws Exception {
        CountingCursorStore cursors = new CountingCursorStore();
        Duration pollInterval = Duration.ofMillis(400);
        try (ImapPoller poller = new ImapPoller(settings, parser, recorded, cursors, pollInterval, LONG, 10)) {
            poller.start();
            // nothing is delivered, so the server announces nothing: each look after the first ends a capped IDLE
            await(() -> cursors.loads() >= 4, Duration.ofSeconds(5));
            assertThat(cursors.loads()).isGreaterThanOrEqualTo(4);
            assertThat(poller.idleWaits()).isGreaterThanOrEqualTo(3);
        }
        assertThat(recorded.events()).isEmpty();
    }

    private void deliver(String messageId, String subject) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress("Anna <anna@example.org>"));
        mail.setRecipients(Message.RecipientType.TO, "help@example.com");
        mail.setSubject(subject);
        mail.setText("Hello from " + subject);
        mail.saveChanges();
        mail.setHeader("Message-ID", "<" + messageId + ">");
        user.deliver(mail);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Counts the looks at the mailbox: every import starts by loading the cursor. */
    private static final class CountingCursorStore implements MailboxCursorStore {

        private final InMemoryCursorStore cursors = new InMemoryCursorStore();
        private final AtomicInteger loads = new AtomicInteger();

        int loads() {
            return loads.get();
        }

        @Override
        public Cursor load(String mailbox) {
            loads.incrementAndGet();
            return cursors.load(mailbox);
        }

        @Override
        public void save(String mailbox, long uidValidity, long lastUid) {
            cursors.save(mailbox, uidValidity, lastUid);
        }
    }
}
