package io.supporthub.hub.telegram;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task on one node of the cluster at a time: the node that holds a PostgreSQL session advisory lock on a
 * dedicated connection. Other nodes try again every {@code retry}; the holder checks its connection at the same pace
 * and, when the connection is lost (and with it the lock), stops the task and competes again.
 */
final class PollingLeader implements AutoCloseable {

    /** What the leader runs; started when the lock is won, stopped when it is lost or at close. */
    interface Task {
        void start();

        void stop();
    }

    private static final Logger log = LoggerFactory.getLogger(PollingLeader.class);

    private final DataSource dataSource;
    private final long lockKey;
    private final Duration retry;
    private final Task task;
    private final String name;
    private final ScheduledExecutorService timer;
    private Connection connection;

    PollingLeader(DataSource dataSource, long lockKey, Duration retry, String name, Task task) {
        this.dataSource = dataSource;
        this.lockKey = lockKey;
        this.retry = retry;
        this.task = task;
        this.name = name;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-lock");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized boolean isLeader() {
        return connection != null;
    }

    private synchronized void tick() {
        try {
            if (connection == null) {
                tryToLead();
            } else if (!connection.isValid(5)) {
                log.warn("{}: the connection holding the advisory lock was lost; stopping and competing again", name);
                task.stop();
                release(true);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("{}: could not take the advisory lock, trying again in {} s: {}", name, retry.toSeconds(), e.toString());
            if (connection != null) {
                task.stop();
                release(true);
            }
        }
    }

    private void tryToLead() throws SQLException {
        Connection candidate = dataSource.getConnection();
        boolean won = false;
        try {
            candidate.setAutoCommit(true);
            try (PreparedStatement statement = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, lockKey);
                try (ResultSet rs = statement.executeQuery()) {
                    won = rs.next() && rs.getBoolean(1);
                }
            }
        } finally {
            if (!won) {
                candidate.close();
            }
        }
        if (won) {
            connection = candidate;
            log.info("{}: this node holds the advisory lock and runs it", name);
            task.start();
        } else {
            log.debug("{}: another node holds the advisory lock; trying again in {} s", name, retry.toSeconds());
        }
    }

    /** Gives the connection back; a broken one, or one that may still hold the lock, is evicted from the pool. */
    private void release(boolean evict) {
        try {
            if (evict && dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("{}: closing the lock connection failed: {}", name, e.toString());
        }
        connection = null;
    }

    /** Stops the task, then releases the lock so another node can take over at once. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (connection == null) {
                return;
            }
            task.stop();
            boolean unlocked = false;
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, lockKey);
                statement.execute();
                unlocked = true;
            } catch (SQLException e) {
                log.debug("{}: releasing the advisory lock failed, evicting its connection instead: {}", name, e.toString());
            }
            release(!unlocked);
        }
    }
}
