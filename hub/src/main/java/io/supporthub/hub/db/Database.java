package io.supporthub.hub.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The PostgreSQL database, migrated by Flyway, with JDBI on top. Two pools: a small one for transactions, sized for
 * the machine (by default {@code Config.defaultPoolSize()}), and one for the few long-lived sessions (a {@code LISTEN}, the
 * advisory locks of single-node listeners), so those never take a connection away from request work.
 */
public final class Database implements AutoCloseable {

    /** The live updates' listener and publisher, the Telegram poller's lock and the mailbox's lock. */
    private static final int SESSION_CONNECTIONS = 4;

    private final HikariDataSource dataSource;
    private final HikariDataSource sessions;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, HikariDataSource sessions) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new PostgresPlugin())
                .registerRowMapper(new RecordMappers());
    }

    /**
     * Opens the pools on {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db?user=..&password=..}) and migrates
     * the database; {@code poolSize} connections serve transactions.
     */
    public static Database open(String jdbcUrl, int poolSize) {
        HikariDataSource sessions = pool(jdbcUrl, "hub-sessions", SESSION_CONNECTIONS, 1);
        Database database = new Database(pool(jdbcUrl, "hub", poolSize, poolSize), sessions);
        database.migrate();
        return database;
    }

    private static HikariDataSource pool(String jdbcUrl, String name, int size, int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(minimumIdle);
        config.setPoolName(name);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * On the sessions' pool: Flyway holds more than one connection at a time, more than a small pool may have. Its lock
     * is a session advisory lock, not a transaction's: an index built concurrently waits for every open transaction of
     * the database to end, the lock's own included, and would wait forever.
     */
    private void migrate() {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(sessions)
                .locations("classpath:db/migration");
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        configuration
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool for transactions: take a connection, do the work, give it back. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Connections held for a long time (listeners, session advisory locks), apart from {@link #dataSource()}. */
    public DataSource sessions() {
        return sessions;
    }

    /** True when the database answers a trivial query within a second. */
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        sessions.close();
    }
}
