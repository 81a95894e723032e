package io.supporthub.hub.bench;

import io.supporthub.hub.db.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database for a benchmark: on {@code DATABASE_URL}'s server when set, else on the PostgreSQL at
 * 127.0.0.1:5432, else on an embedded server started for the run. Closing it drops it (or stops the embedded server).
 */
public final class BenchDatabase implements AutoCloseable {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final String jdbcUrl;
    private final EmbeddedDatabase embedded;
    private final String server;
    private final String name;

    private BenchDatabase(String jdbcUrl, EmbeddedDatabase embedded, String server, String name) {
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
        this.server = server;
        this.name = name;
    }

    public static BenchDatabase create(String namePrefix) {
        String server = System.getenv().getOrDefault("DATABASE_URL", LOCAL_SERVER);
        String name = namePrefix + "_" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            EmbeddedDatabase embedded = EmbeddedDatabase.startTemporary();
            return new BenchDatabase(embedded.jdbcUrl("postgres"), embedded, null, null);
        }
        String base = server.substring(0, server.indexOf('/', "jdbc:postgresql://".length()) + 1);
        String query = server.contains("?") ? server.substring(server.indexOf('?')) : "";
        return new BenchDatabase(base + name + query, null, server, name);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            return;
        }
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop the benchmark's database " + name + ": " + e.getMessage());
        }
    }
}
