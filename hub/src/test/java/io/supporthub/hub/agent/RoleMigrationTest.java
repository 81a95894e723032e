package io.supporthub.hub.agent;

import io.supporthub.hub.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V20261202_0810: the agents of a hub from before roles become specialists; administrators stay. */
class RoleMigrationTest {

    @Test
    void existing_agents_become_specialists_and_admins_stay_admins() throws SQLException {
        String url = TestDatabases.freshDatabaseUrl();
        migrate(url, versionBefore("20261202_0810"));
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("insert into agent (email, name, password_hash, role, line) values "
                    + "('boss@x', 'Boss', 'h', 'admin', 1), ('ann@x', 'Ann', 'h', 'agent', 1), ('bob@x', 'Bob', 'h', 'agent', 2)");
        }
        migrate(url, "latest");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            Map<String, String> roles = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("select name, role from agent order by id")) {
                while (rows.next()) {
                    roles.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(roles).containsExactly(Map.entry("Boss", "admin"), Map.entry("Ann", "specialist"), Map.entry("Bob", "specialist"));
            assertThatThrownBy(() -> statement.execute("update agent set role = 'agent' where name = 'Ann'"))
                    .hasMessageContaining("agent_role_check");
            statement.execute("update agent set role = 'senior' where name = 'Ann'");
        }
    }

    /** The last migration before {@code version} (Flyway wants a target that exists; merges add migrations). */
    private static String versionBefore(String version) throws SQLException {
        try (Stream<Path> files = Files.list(Path.of(RoleMigrationTest.class.getResource("/db/migration").toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("V") && name.endsWith(".sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .filter(found -> found.compareTo(version) < 0)
                    .max(String::compareTo).orElseThrow().replace('_', '.');
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void migrate(String url, String target) {
        FluentConfiguration configuration = Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration").target(target);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        configuration.load().migrate();
    }
}
