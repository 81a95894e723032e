package io.supporthub.hub.support;

import io.supporthub.hub.db.Database;
import io.supporthub.hub.db.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fresh databases for tests: on the PostgreSQL at 127.0.0.1:5432 when one answers, else on an embedded server
 * started once per JVM. Each call gives a new database, dropped by {@link #drop} (a {@link TestHub} drops its own when
 * it closes) or else when the JVM exits: empty
 * ({@link #freshDatabaseUrl}), or with every migration applied ({@link #migratedDatabaseUrl}), copied from a template
 * migrated once per JVM, since migrating an empty database takes seconds and a hundred test classes start hubs.
 */
public final class TestDatabases {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final List<String> CREATED = new ArrayList<>();
    private static final ExecutorService DROPPING = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-database-drops");
        thread.setDaemon(true);
        return thread;
    });
    private static String serverUrl;
    private static String template;

    private TestDatabases() {
    }

    public static synchronized String freshDatabaseUrl() {
        return create("");
    }

    /** A new database as the hub's migrations leave it, as if a hub had just migrated an empty one. */
    public static synchronized String migratedDatabaseUrl() {
        if (template == null) {
            String url = freshDatabaseUrl();
            Database.open(url, 1).close();
            template = CREATED.get(CREATED.size() - 1);
        }
        SQLException last = null;
        // The template's last connections may still be closing on the server: a copy waits for them.
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return create(" template " + template);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof SQLException cause) || !"55006".equals(cause.getSQLState())) {
                    throw e;
                }
                last = cause;
                sleep();
            }
        }
        throw new IllegalStateException("cannot copy the migrated template " + template + ": " + last.getMessage(), last);
    }

    private static String create(String template) {
        String server = server();
        String name = "hub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name + template);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        CREATED.add(name);
        return server.replace("/postgres?", "/" + name + "?");
    }

    /**
     * Drops a database this class created, in the background: dropping costs the server a moment of I/O that the
     * next test need not wait for, and hundreds of them at the JVM's exit would outlast Surefire's patience.
     */
    public static synchronized void drop(String jdbcUrl) {
        String name = jdbcUrl.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        if (!CREATED.remove(name)) {
            return;
        }
        DROPPING.execute(() -> {
            try (Connection connection = DriverManager.getConnection(serverUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String server() {
        if (serverUrl != null) {
            return serverUrl;
        }
        try (Connection ignored = DriverManager.getConnection(LOCAL_SERVER)) {
            serverUrl = LOCAL_SERVER;
        } catch (SQLException e) {
            EmbeddedDatabase embedded = EmbeddedDatabase.startTemporary();
            serverUrl = embedded.jdbcUrl("postgres");
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            return serverUrl;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll));
        return serverUrl;
    }

    private static synchronized void dropAll() {
        try (Connection connection = DriverManager.getConnection(serverUrl); Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases: " + e.getMessage());
        }
    }
}
