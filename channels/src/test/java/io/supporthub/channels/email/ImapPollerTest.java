package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.FetchedPayload;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapPollerTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(true);

    private final MailParser parser = new MailParser(1 << 20);
    private final RecordingSink sink = new RecordingSink();
    private final InMemoryCursorStore cursors = new InMemoryCursorStore();
    private GreenMailUser user;
    private ImapSettings settings;

    @BeforeEach
    void mailbox() {
        user = greenMail.setUser("help@example.com", "help", "secret");
        settings = ImapSettings.parse("imap://help:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX");
    }

    private ImapPoller poller() {
        return new ImapPoller(settings, parser, sink, cursors, Duration.ofMillis(300), Duration.ofSeconds(2), 2);
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

    @Test
    void newMails_areImportedInUidOrderAndFlaggedSeenAfterCommit() throws Exception {
        deliver("m1@example.org", "first");
        deliver("m2@example.org", "second");
        deliver("m3@example.org", "third [#77]");
        try (ImapPoller poller = poller()) {
            assertThat(poller.pollOnce()).isEqualTo(3);
        }
        assertThat(sink.events(InboundMessage.class)).extracting(InboundMessage::externalId)
                .containsExactly("m1@example.org", "m2@example.org", "m3@example.org");
        assertThat(sink.events(InboundMessage.class).get(2).threadHint().ticketNumber()).isEqualTo(77L);
        assertThat(cursors.load(settings.mailboxKey()).lastUid()).isEqualTo(3);
        assertThat(seenFlags()).containsOnly(true);
    }

    @Test
    void restartedPoller_doesNotImportAgain() throws Exception {
        deliver("m1@example.org", "first");
        try (ImapPoller poller = poller()) {
            poller.pollOnce();
        }
        deliver("m2@example.org", "second");
        try (ImapPoller restarted = poller()) {
            assertThat(restarted.pollOnce()).isEqualTo(1);
            assertThat(restarted.pollOnce()).isZero();
        }
        assertThat(sink.events(InboundMessage.class)).extracting(InboundMessage::externalId)
                .containsExactly("m1@example.org", "m2@example.org");
    }

    @Test
    void failingSink_losesNothing_andTheNextPollImportsTheMail() throws Exception {
        deliver("m1@example.org", "first");
        try (ImapPoller poller = poller()) {
            sink.failing(true);
            assertThatThrownBy(poller::pollOnce).hasMessageContaining("database down");
            assertThat(cursors.load(settings.mailboxKey())).isNull();
            assertThat(seenFlags()).containsOnly(false);

            sink.failing(false);
            assertThat(poller.pollOnce()).isEqualTo(1);
        }
        assertThat(sink.events(InboundMessage.class)).extracting(InboundMessage::externalId).containsExactly("m1@example.org");
        assertThat(seenFlags()).containsOnly(true);
    }

    @Test
    void mailAlreadyReadInAnotherClient_isStillImported() throws Exception {
        deliver("m1@example.org", "first");
        markAllSeen();
        try (ImapPoller poller = poller()) {
            assertThat(poller.pollOnce()).isEqualTo(1);
        }
        assertThat(sink.events(InboundMessage.class)).hasSize(1);
    }

    @Test
    void unparseableMail_isHandedOverRefused_asItsExactSource() throws Exception {
        byte[] raw = "Subject: nobody sent this\r\nMessage-ID: <x@y>\r\n\r\nno sender at all\r\n".getBytes(StandardCharsets.US_ASCII);
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        try (ImapPoller poller = poller()) {
            assertThat(poller.pollOnce()).isEqualTo(1);
        }
        FetchedPayload refused = sink.refused().get(0);
        assertThat(refused.refusal()).contains("no sender address");
        assertThat(refused.raw().contentType()).isEqualTo("message/rfc822");
        assertThat(refused.raw().body()).isEqualTo(raw);
        assertThat(seenFlags()).containsOnly(true);
    }

    @Test
    void changedUidValidity_importsTheMailboxFromTheStart() throws Exception {
        deliver("m1@example.org", "first");
        cursors.save(settings.mailboxKey(), 1, 500);
        try (ImapPoller poller = poller()) {
            assertThat(poller.pollOnce()).isEqualTo(1);
        }
        assertThat(sink.events(InboundMessage.class)).hasSize(1);
    }

    @Test
    void startedPoller_importsMailThatArrivesLater_andStopsOnClose() throws Exception {
        try (ImapPoller poller = poller()) {
            poller.start();
            Thread.sleep(500);
            deliver("late@example.org", "late");
            long deadline = System.currentTimeMillis() + 10_000;
            while (sink.events().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
        }
        assertThat(sink.events(InboundMessage.class)).extracting(InboundMessage::externalId).containsExactly("late@example.org");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("imap-poller") && t.isAlive());
    }

    private Boolean[] seenFlags() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), "help", "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            Boolean[] seen = new Boolean[messages.length];
            for (int i = 0; i < messages.length; i++) {
                seen[i] = messages[i].isSet(Flags.Flag.SEEN);
            }
            inbox.close(false);
            return seen;
        }
    }

    private void markAllSeen() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), "help", "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(inbox.getMessages(), new Flags(Flags.Flag.SEEN), true);
            inbox.close(false);
        }
    }
}
