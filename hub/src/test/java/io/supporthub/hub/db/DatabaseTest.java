package io.supporthub.hub.db;

import io.supporthub.hub.live.LiveUpdates;
import io.supporthub.hub.support.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("serial")
class DatabaseTest {

    @Test
    void longLivedSessions_leaveEveryTransactionConnectionFree() {
        try (Database database = Database.open(TestDatabases.freshDatabaseUrl(), 1);
             LiveUpdates live = new LiveUpdates(database.sessions());
             AdvisoryLock lock = new AdvisoryLock(database.sessions(), "pool test", Duration.ofHours(1), () -> { }, () -> { })) {
            live.start();
            lock.check();
            assertThat(lock.held()).isTrue();

            // The single transaction connection is still there: taking it does not wait out the pool's timeout.
            long start = System.nanoTime();
            Integer answer = database.jdbi().withHandle(handle -> handle.select("select 1").mapTo(Integer.class).one());
            assertThat(answer).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
