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
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The PostgreSQL database, migrated by Flyway, with JDBI on top. Two pools: a small one for transactions, sized for
 * the machine (by default {@code Config.defaultPoolSize()}), and one for the few long-lived sessions (a {@code LISTEN}, the
 * advisory locks of single-node listeners), so those never take a connection away from request work.
 */
public final class Database implements AutoCloseable {

    /** The live updates' listener and publisher, the Telegram poller's lock and the mailbox's lock. */
    private static final int SESSION_CONNECTIONS = 4;
    /**
     * How long {@link #isHealthy()} waits for an answer. Without it a database that is gone is reported only when
     * the pool gives up waiting for a connection (its connectionTimeout), and load balancers' probes time out first.
     */
    static final Duration HEALTH_DEADLINE = Duration.ofMillis(500);
    /** The longest a transaction waits for a connection: while the database is gone, requests fail after this. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private final HikariDataSource dataSource;
    private final HikariDataSource sessions;
    private final Jdbi jdbi;
    private final ExecutorService healthChecks = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });

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
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1);
        // TCP keepalives let this side notice a server that vanished under an idle connection (see AdvisoryLock).
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Every statement is prepared on the server from its first use on a connection, so that PostgreSQL plans it
        // once and then reuses a generic plan: planning a list's union of index scans cost more than running it.
        config.addDataSourceProperty("prepareThreshold", "1");
        // No JIT compilation: the hub's queries are short, and a search whose estimate passes jit_above_cost paid
        // tens of milliseconds of compiling for a query that runs in a few.
        config.addDataSourceProperty("options", "-c jit=off");
        return new HikariDataSource(config);
    }

    /**
     * On the sessions' pool: Flyway holds more than one connection at a time, more than a small pool may have. Its lock
     * is a session advisory lock rather than one held by an open transaction, which a migration that builds an index
     * concurrently (run outside a transaction) would wait for forever.
     */
    private void migrate() {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(sessions)
                .locations("classpath:db/migration");
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        configuration.load().migrate();
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

    /** True when a pooled connection answers a trivial query within {@link #HEALTH_DEADLINE}. */
    public boolean isHealthy() {
        Future<Boolean> check = healthChecks.submit(this::answers);
        try {
            return check.get(HEALTH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Interrupted, the pool stops waiting for a connection at once.
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check.cancel(true);
            return false;
        }
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        healthChecks.shutdownNow();
        dataSource.close();
        sessions.close();
    }
}
