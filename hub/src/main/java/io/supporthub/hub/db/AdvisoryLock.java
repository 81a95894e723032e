package io.supporthub.hub.db;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Runs a long-lived listener on one hub node at a time: the node whose dedicated connection holds the PostgreSQL
 * session advisory lock named {@code name} ({@code pg_try_advisory_lock}). Every {@code retry} a node without the
 * lock tries to take it, and the holder checks its connection still answers: when it does not (database restart,
 * network), the lock is gone on the server too, so the listener stops and the nodes compete again.
 */
public final class AdvisoryLock implements AutoCloseable {

    /** The first key of our two-key advisory locks ("SH"); the second is derived from the name. */
    static final int NAMESPACE = 0x5348;
    private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);
    /** Idle seconds before the first probe, seconds between probes, probes unanswered: 10 + 3 × 5. */
    private static final String SERVER_KEEPALIVES = "set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5; "
            + "set tcp_keepalives_count = 3; set tcp_user_timeout = 25000";
    static final Duration VANISHED_HOLDER_DROPPED = Duration.ofSeconds(25);
    static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final String name;
    private final int key;
    private final Duration retry;
    private final Runnable onAcquired;
    private final Runnable onLost;
    private final ScheduledExecutorService timer;
    private Connection holder;

    public AdvisoryLock(DataSource dataSource, String name, Duration retry, Runnable onAcquired, Runnable onLost) {
        this.dataSource = dataSource;
        this.name = name;
        this.key = key(name);
        this.retry = retry;
        this.onAcquired = onAcquired;
        this.onLost = onLost;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lock " + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    static int key(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::check, 0, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized boolean held() {
        return holder != null;
    }

    /** One round: take the lock when free, or make sure it is still held. Public for tests. */
    public synchronized void check() {
        if (holder != null) {
            if (!answers(holder)) {
                log.warn("Lost the connection holding '{}'; stopping it here, any node may take it over", name);
                release(false);
            }
            return;
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            keepAlive(connection);
            if (tryLock(connection)) {
                holder = connection;
                log.info("This node runs '{}' (advisory lock {}/{})", name, NAMESPACE, key);
                try {
                    onAcquired.run();
                } catch (RuntimeException e) {
                    log.error("Starting '{}' failed; releasing its lock: {}", name, e.toString(), e);
                    release(true);
                }
                return;
            }
            log.debug("'{}' runs on another node; checking again in {}", name, retry);
        } catch (SQLException e) {
            log.warn("Could not try the lock for '{}', trying again in {}: {}", name, retry, e.getMessage());
        }
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    private static void keepAlive(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SERVER_KEEPALIVES);
        }
        connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean answers(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(10);
            statement.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void release(boolean unlock) {
        try {
            onLost.run();
        } catch (RuntimeException e) {
            log.warn("Stopping '{}' failed: {}", name, e.toString());
        }
        if (unlock) {
            try (PreparedStatement statement = holder.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, NAMESPACE);
                statement.setInt(2, key);
                statement.execute();
            } catch (SQLException e) {
                log.debug("Unlocking '{}': {}", name, e.getMessage());
            }
        }
        end(holder);
        holder = null;
    }

    /** Closes the physical connection (a pooled one is evicted, not returned): the session and its lock end. */
    private void end(Connection connection) {
        if (dataSource instanceof HikariDataSource pool) {
            pool.evictConnection(connection);
            return;
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the lock connection: {}", e.getMessage());
        }
    }

    /** Stops the listener if this node runs it and lets another node take over. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (holder != null) {
                release(true);
            }
        }
    }
}
