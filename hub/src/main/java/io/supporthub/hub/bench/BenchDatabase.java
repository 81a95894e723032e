package io.supporthub.hub.bench;

import io.supporthub.hub.db.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database for a benchmark: on {@code DATABASE_URL}'s server when set, else on the PostgreSQL at 127.0.0.1:5432,
 * else on an embedded server started for the run. A fresh one ({@link #create}) is dropped on closing (or its embedded
 * server stopped); a kept one ({@link #kept}) stays for the next run.
 */
public final class BenchDatabase implements AutoCloseable {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final String jdbcUrl;
    private final EmbeddedDatabase embedded;
    private final String server;
    private final String name;
    private final boolean kept;
    private final String reusedComment;

    private BenchDatabase(String jdbcUrl, EmbeddedDatabase embedded, String server, String name, boolean kept,
                          String reusedComment) {
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
        this.server = server;
        this.name = name;
        this.kept = kept;
        this.reusedComment = reusedComment;
    }

    public static BenchDatabase create(String namePrefix) {
        String server = server();
        String name = namePrefix + "_" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            EmbeddedDatabase embedded = EmbeddedDatabase.startTemporary();
            return new BenchDatabase(embedded.jdbcUrl("postgres"), embedded, null, null, false, null);
        }
        return new BenchDatabase(urlOf(server, name), null, server, name, false, null);
    }

    /**
     * A database kept between runs under its name, on the server {@link #create} would use (there is no embedded
     * fallback): reused when its comment starts with {@code completeMark} (see {@link #markComplete}), else dropped and
     * created empty.
     */
    public static BenchDatabase kept(String name, String completeMark) {
        String server = server();
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            String comment = null;
            try (ResultSet rs = statement.executeQuery(
                    "select shobj_description(oid, 'pg_database') from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    comment = rs.getString(1);
                }
            }
            boolean reusable = comment != null && comment.startsWith(completeMark);
            if (!reusable) {
                statement.execute("drop database if exists " + name + " with (force)");
                statement.execute("create database " + name);
            }
            return new BenchDatabase(urlOf(server, name), null, server, name, true, reusable ? comment : null);
        } catch (SQLException e) {
            throw new IllegalStateException("no PostgreSQL server to keep the database " + name + " on: " + e.getMessage(), e);
        }
    }

    /**
     * A copy of a kept database made by the user ({@code create database NAME template SOURCE}), never dropped: a
     * database's comment is not copied with it, so the copy takes its source's comment when it has none of its own.
     * Fails when the copy does not exist or neither it nor its source is complete.
     */
    public static BenchDatabase copy(String name, String source, String completeMark) {
        String server = server();
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            if (!exists(statement, name)) {
                throw new IllegalStateException("no database " + name + " on the server: make it with 'create database "
                        + name + " template " + source + "' (with " + source + " complete and nobody connected to it)");
            }
            String comment = comment(statement, name);
            if (comment == null || !comment.startsWith(completeMark)) {
                comment = comment(statement, source);
                if (comment == null || !comment.startsWith(completeMark)) {
                    throw new IllegalStateException("neither " + name + " nor " + source + " is a complete scale database"
                            + " (run once with --keep to generate " + source + ")");
                }
                statement.execute("comment on database " + name + " is '" + comment.replace("'", "''") + "'");
            }
            return new BenchDatabase(urlOf(server, name), null, server, name, true, comment);
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the copy " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "''") + "'")) {
            return rs.next();
        }
    }

    private static String comment(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select shobj_description(oid, 'pg_database') from pg_database "
                + "where datname = '" + name.replace("'", "''") + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Marks a kept database complete with a comment that starts with the mark, so that the next run reuses it. */
    public void markComplete(String comment) {
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("comment on database " + name + " is '" + comment.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + name + " complete: " + e.getMessage(), e);
        }
    }

    /** The comment of a kept database found complete and used as it is; null when it was created empty. */
    public String reusedComment() {
        return reusedComment;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String name() {
        return name == null ? "postgres (embedded)" : name;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            return;
        }
        if (kept) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop the benchmark's database " + name + ": " + e.getMessage());
        }
    }

    private static String server() {
        return System.getenv().getOrDefault("DATABASE_URL", LOCAL_SERVER);
    }

    private static String urlOf(String server, String name) {
        String base = server.substring(0, server.indexOf('/', "jdbc:postgresql://".length()) + 1);
        String query = server.contains("?") ? server.substring(server.indexOf('?')) : "";
        return base + name + query;
    }
}
