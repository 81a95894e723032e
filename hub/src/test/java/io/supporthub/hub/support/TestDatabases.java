package io.supporthub.hub.support;

import io.supporthub.hub.db.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fresh databases for tests: on the PostgreSQL at 127.0.0.1:5432 when one answers, else on an embedded server
 * started once per JVM. Each call gives a new, empty database, dropped when the JVM exits.
 */
public final class TestDatabases {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final List<String> CREATED = new ArrayList<>();
    private static String serverUrl;

    private TestDatabases() {
    }

    public static synchronized String freshDatabaseUrl() {
        String server = server();
        String name = "hub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        CREATED.add(name);
        return server.replace("/postgres?", "/" + name + "?");
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
