package io.supporthub.hub.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL the hub starts for itself when no {@code DATABASE_URL} is given, for a hub on a single machine: its
 * data stays in {@code DATA_DIR/postgres} across restarts, every commit is flushed to disk, it listens on loopback
 * only and asks for the password in {@code DATA_DIR/postgres.password} (see {@link EmbeddedAuthentication}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String PASSWORD_FILE = "postgres.password";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** Starts on the data kept in {@code dataDir} (a fresh one on first start), on a free local port. */
    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(pgData.getParent());
            String password = EmbeddedAuthentication.password(dataDir.resolve(PASSWORD_FILE));
            log.info("Starting the embedded PostgreSQL in {}", pgData);
            // The library starts the server with "-F" (fsync off) and then each of these as "-c name=value": a later
            // option wins, so these override its test defaults.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setConnectConfig("password", password)
                    .start();
            EmbeddedAuthentication.require(postgres.getPostgresDatabase(), pgData, password);
            return new EmbeddedDatabase(postgres, password);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** A throwaway server with its data in a temporary folder. */
    public static EmbeddedDatabase startTemporary() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().start(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The URL of a database on this server, with the superuser's password when the server asks for one. */
    public String jdbcUrl(String database) {
        String url = postgres.getJdbcUrl("postgres", database);
        return password == null ? url : url + "&password=" + password;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
