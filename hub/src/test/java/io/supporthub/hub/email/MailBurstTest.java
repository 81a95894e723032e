package io.supporthub.hub.email;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail delivered in a burst to the mailbox of an idle hub. */
class MailBurstTest {

    static final int BURST = 50;

    MailHub mail;

    @BeforeEach
    void start() {
        // the poll interval never comes round during the test: what is imported was announced in IDLE or looked for
        mail = new MailHub(Map.of("MAIL_POLL_SECONDS", "600"));
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    private long count(String sql) {
        return mail.hub.app.transactions().read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void burstOfFiftyMails_allBecomeTicketsWithinSeconds_whileTheImporterWaitsInIdle() throws Exception {
        MailboxImporter importer = mail.hub.app.mailbox().orElseThrow();
        importer.start();
        await(() -> importer.idleWaits() >= 1, Duration.ofSeconds(10));
        int idleWaitsBefore = importer.idleWaits();
        assertThat(idleWaitsBefore).as("the importer waits in IDLE before the burst").isPositive();

        for (int i = 1; i <= BURST; i++) {
            mail.deliver("customer" + i + "@customer.example", "Question " + i, "Hello, this is mail " + i,
                    "burst" + i + "@customer.example");
        }

        await(() -> count("select count(*) from ticket") == BURST, Duration.ofSeconds(15));
        assertThat(count("select count(*) from ticket")).isEqualTo(BURST);
        assertThat(count("select count(*) from message where channel = 'email' and external_id like 'burst%'"))
                .isEqualTo(BURST);
        await(() -> importer.idleWaits() > idleWaitsBefore, Duration.ofSeconds(5));
        assertThat(importer.idleWaits()).as("back in IDLE after the burst").isGreaterThan(idleWaitsBefore);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
