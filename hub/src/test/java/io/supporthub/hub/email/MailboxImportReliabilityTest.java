package io.supporthub.hub.email;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.channels.email.ImapPoller;
import io.supporthub.channels.email.ImapSettings;
import io.supporthub.channels.email.MailParser;
import io.supporthub.hub.App;
import io.supporthub.hub.db.AdvisoryLock;
import io.supporthub.hub.db.Transactions;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxImportReliabilityTest {

    MailHub mail;
    App app;

    @BeforeEach
    void start() {
        mail = new MailHub(Map.of());
        app = mail.hub.app;
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    private long count(String sql) {
        return app.transactions().read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private ImapSettings imap() {
        return EmailSettings.from(app.config()).orElseThrow().imap();
    }

    private final MailParser parser = new MailParser(1 << 20);

    private MailboxMails mails() {
        return app.email().orElseThrow().mails(parser, app.channelEvents(), app.tickets());
    }

    @Test
    void pollWhileDatabaseIsDown_losesNothing_nextPollImports() throws Exception {
        mail.deliver("ann@customer.example", "Outage", "Hello during the outage", "o1@customer.example");
        HikariDataSource closedPool = new HikariDataSource();
        closedPool.close();
        MailboxMails mails = mails();
        DatabaseCursorStore down = new DatabaseCursorStore(new Transactions(Jdbi.create(closedPool)), mails);
        try (ImapPoller poller = new ImapPoller(imap(), parser, mails, down, Duration.ofSeconds(5))) {
            assertThatThrownBy(poller::pollOnce).hasMessageContaining("closed");
        }
        assertThat(count("select count(*) from message")).isZero();

        assertThat(mail.poll()).isEqualTo(1);
        assertThat(mail.ticketOfMail("o1@customer.example")).isPositive();
    }

    @Test
    void failureMidTransaction_rollsBackEventsAndCursor_nextPollImportsOnce() throws Exception {
        mail.deliver("ben@customer.example", "Half way", "Lost connection half way", "h1@customer.example");
        // the connection breaks after the mail is stored, as the cursor moves
        app.transactions().inTransaction((h, ac) -> {
            h.execute("create function lose_connection() returns trigger language plpgsql as $$ begin "
                    + "raise exception 'connection to the database lost' using errcode = '08006'; end $$");
            h.execute("create trigger lose_connection before insert on mail_cursor for each row execute function lose_connection()");
            return null;
        });
        MailboxMails mails = mails();
        try (ImapPoller poller = new ImapPoller(imap(), parser, mails, new DatabaseCursorStore(app.transactions(), mails),
                Duration.ofSeconds(5))) {
            assertThatThrownBy(poller::pollOnce).hasMessageContaining("connection to the database lost");
        }
        app.transactions().inTransaction((h, ac) -> h.execute("drop trigger lose_connection on mail_cursor"));
        assertThat(count("select count(*) from message")).isZero();
        assertThat(count("select count(*) from ticket")).isZero();
        assertThat(count("select count(*) from mail_cursor")).isZero();

        assertThat(mail.poll()).isEqualTo(1);
        assertThat(count("select count(*) from message where external_id = 'h1@customer.example'")).isEqualTo(1);
        assertThat(count("select last_uid from mail_cursor")).isEqualTo(1);
    }

    @Test
    void restartedImport_importsNothingAgain_evenFromTheStartOfTheMailbox() throws Exception {
        mail.deliver("cy@customer.example", "First", "one", "r1@customer.example");
        mail.deliver("cy@customer.example", "Second", "two", "r2@customer.example");
        assertThat(mail.poll()).isEqualTo(2);

        try (MailboxImporter restarted = app.email().orElseThrow().importer(app.channelEvents(), app.tickets(),
                app.database().dataSource())) {
            assertThat(restarted.pollOnce()).isZero();
            // a new UIDVALIDITY (or a lost cursor) reads the whole mailbox again: Message-IDs keep it out
            app.transactions().inTransaction((h, ac) -> h.execute("delete from mail_cursor"));
            assertThat(restarted.pollOnce()).isEqualTo(2);
        }
        assertThat(count("select count(*) from message")).isEqualTo(2);
        assertThat(count("select count(*) from ticket")).isEqualTo(2);
    }

    @Test
    void onlyOneNodeHoldsTheMailbox_anotherTakesOverWhenItStops() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger stopped = new AtomicInteger();
        AdvisoryLock first = new AdvisoryLock(app.database().dataSource(), "imap test", Duration.ofHours(1),
                started::incrementAndGet, stopped::incrementAndGet);
        AdvisoryLock second = new AdvisoryLock(app.database().dataSource(), "imap test", Duration.ofHours(1),
                started::incrementAndGet, stopped::incrementAndGet);
        try (first; second) {
            first.check();
            second.check();
            assertThat(first.held()).isTrue();
            assertThat(second.held()).isFalse();
            assertThat(started).hasValue(1);

            first.close();
            assertThat(stopped).hasValue(1);
            second.check();
            assertThat(second.held()).isTrue();
            assertThat(started).hasValue(2);
        }
    }

    @Test
    void startedImporter_takesTheLockAndImportsInTheBackground_aSecondOneWaits() throws Exception {
        mail.deliver("dee@customer.example", "Background", "Imported by the running poller", "bg1@customer.example");
        MailboxImporter leader = app.mailbox().orElseThrow();
        try (MailboxImporter other = app.email().orElseThrow().importer(app.channelEvents(), app.tickets(),
                app.database().dataSource())) {
            leader.start();
            Instant deadline = Instant.now().plusSeconds(20);
            while (count("select count(*) from message where external_id = 'bg1@customer.example'") == 0
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(count("select count(*) from message where external_id = 'bg1@customer.example'")).isEqualTo(1);
            assertThat(leader.polling()).isTrue();
            other.start();
            Thread.sleep(500);
            assertThat(other.polling()).isFalse();
        }
    }
}
