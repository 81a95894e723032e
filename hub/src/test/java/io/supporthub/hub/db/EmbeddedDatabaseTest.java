package io.supporthub.hub.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL keeps what it commits, listens on loopback only and lets in only the hub. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void freshDataFolder_fsyncsEveryCommit_listensOnLoopback_andAsksForThePasswordOnlyTheHubCanRead() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            assertThat(show(db, "listen_addresses")).isEqualTo("localhost");
            assertThat(show(db, "unix_socket_directories")).isEmpty();
            execute(db, "create table kept (value text); insert into kept values ('before restart')");
            assertLetsInOnlyWithThePassword(db);
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir)) {
            assertThat(query(again, "select value from kept")).isEqualTo("before restart");
        }
    }

    @Test
    void dataFolderOfAnEarlierHubTrustingEveryone_isUpgradedKeepingItsData() throws Exception {
        startAsEarlierHubsDid("create table kept (value text); insert into kept values ('from before')");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertThat(query(db, "select value from kept")).isEqualTo("from before");
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertLetsInOnlyWithThePassword(db);
        }
    }

    @Test
    void upgradeInterruptedAfterThePasswordWasSet_completesOnTheNextStart() throws Exception {
        String password = EmbeddedAuthentication.password(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE));
        // the earlier run wrote the password file and set the password, then stopped before switching the rules
        startAsEarlierHubsDid("alter role postgres password '" + password + "'");
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("trust")
                .doesNotStartWith(EmbeddedAuthentication.HBA_MARKER);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertLetsInOnlyWithThePassword(db);
        }
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
                .startsWith(EmbeddedAuthentication.HBA_MARKER).doesNotContain("trust");
    }

    private void startAsEarlierHubsDid(String sql) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setPort(port).start();
             Connection connection = earlier.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void assertLetsInOnlyWithThePassword(EmbeddedDatabase db) throws SQLException {
        String url = db.jdbcUrl("postgres");
        String withoutPassword = url.substring(0, url.indexOf("&password="));
        assertThatThrownBy(() -> DriverManager.getConnection(withoutPassword).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(withoutPassword + "&password=guess").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection ignored = DriverManager.getConnection(url)) {
            assertThat(ignored.isValid(1)).isTrue();
        }
    }

    private static String show(EmbeddedDatabase db, String setting) throws SQLException {
        return query(db, "show " + setting);
    }

    private static String query(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl("postgres"));
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
