package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdleWaitTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(true);

    private static final Duration LONG = Duration.ofSeconds(60);

    private final IdleWait wait = new IdleWait("INBOX");
    private GreenMailUser user;
    private Store store;
    private IMAPFolder inbox;

    @BeforeEach
    void open() throws Exception {
        user = greenMail.setUser("help@example.com", "help", "secret");
        store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "help", "secret");
        inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        wait.watch(inbox);
    }

    @AfterEach
    void close() throws Exception {
        wait.close();
        store.close();
    }

    @Test
    void mailTheServerTellsOfAsTheIdleBegins_endsTheWaitAtOnce() throws Exception {
        long mark = wait.mark();
        // no command in between: the server tells of it in answer to the IDLE, before its continuation
        deliver("just-before@example.org");
        long started = System.nanoTime();
        wait.await(inbox, mark, LONG);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(wait.entered()).isEqualTo(1);
        assertThat(wait.announcedSince(mark)).isTrue();
    }

    @Test
    void mailAnnouncedBeforeTheWait_skipsTheIdle() throws Exception {
        long mark = wait.mark();
        deliver("earlier@example.org");
        inbox.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!wait.announcedSince(mark) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        wait.await(inbox, mark, LONG);
        assertThat(wait.entered()).isZero();
    }

    @Test
    void nothingAnnounced_endsTheWaitAfterTheLongest() throws Exception {
        long started = System.nanoTime();
        wait.await(inbox, wait.mark(), Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
        assertThat(wait.entered()).isEqualTo(1);
    }

    @Test
    void stop_endsTheWaitInProgress() throws Exception {
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                wait.await(inbox, wait.mark(), LONG);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (wait.entered() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        wait.stop();
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(wait.entered()).isEqualTo(1);
    }

    private void deliver(String messageId) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress("anna@example.org"));
        mail.setRecipients(Message.RecipientType.TO, "help@example.com");
        mail.setSubject("Hello");
        mail.setText("Hello");
        mail.saveChanges();
        mail.setHeader("Message-ID", "<" + messageId + ">");
        user.deliver(mail);
    }
}
