package io.supporthub.hub.db;

import io.supporthub.hub.support.TestDatabases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock's session is one a vanished node cannot keep: the server probes it, and its own reads give up. */
class AdvisoryLockKeepaliveTest {

    @Test
    void theLocksSession_isProbedByTheServer_andItsReadsTimeOut() throws SQLException {
        try (Database database = Database.open(TestDatabases.freshDatabaseUrl(), 1)) {
            RememberingDataSource sessions = new RememberingDataSource(database.sessions());
            try (AdvisoryLock lock = new AdvisoryLock(sessions, "keepalive test", Duration.ofHours(1), () -> { }, () -> { })) {
                lock.check();
                assertThat(lock.held()).isTrue();

                Connection holder = sessions.last;
                assertThat(setting(holder, "tcp_keepalives_idle")).isEqualTo("10");
                assertThat(setting(holder, "tcp_keepalives_interval")).isEqualTo("5");
                assertThat(setting(holder, "tcp_keepalives_count")).isEqualTo("3");
                assertThat(setting(holder, "tcp_user_timeout")).isEqualTo("25000");
                assertThat(holder.getNetworkTimeout()).isEqualTo((int) AdvisoryLock.NETWORK_TIMEOUT.toMillis());
            }
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select setting from pg_settings where name = '" + name + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The sessions' pool, remembering the last connection it handed out (the lock's). */
    private static final class RememberingDataSource implements DataSource {

        private final DataSource pool;
        private Connection last;

        RememberingDataSource(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            last = pool.getConnection();
            return last;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            last = pool.getConnection(user, password);
            return last;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
