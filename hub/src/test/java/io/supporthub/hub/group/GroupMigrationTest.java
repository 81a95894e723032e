package io.supporthub.hub.group;

import io.supporthub.hub.db.Database;
import io.supporthub.hub.db.backfill.BackfillQueries;
import io.supporthub.hub.db.backfill.Backfiller;
import io.supporthub.hub.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two lines become groups on a database that has agents and tickets: agents' lines become memberships, and
 * tickets get their line's group from the back-fill job, read right before it has reached them.
 */
class GroupMigrationTest {

    @Test
    void linesBecomeGroups_agentsMemberships_andTicketsAreBackFilledFromTheirLine() {
        String url = TestDatabases.freshDatabaseUrl();
        FluentConfiguration before = Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration").target("20261202.0740");
        before.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        before.load().migrate();
        Jdbi old = Jdbi.create(url);
        old.useHandle(handle -> {
            handle.execute("insert into agent (email, name, password_hash, role, line) values "
                    + "('first@test.local', 'First', 'x', 'agent', 1), ('second@test.local', 'Second', 'x', 'agent', 2)");
            handle.execute("insert into contact (name, created_at) values ('Carl', now())");
            handle.execute("insert into ticket (subject, status, line, contact_id, channel, created_at, updated_at, "
                    + "last_message_at) select 'Ticket ' || n, 'open', case when n % 2 = 0 then 2 else 1 end, "
                    + "(select id from contact), 'email', now(), now(), now() from generate_series(1, 10) n");
        });

        try (Database database = Database.open(url, 4)) {
            Jdbi jdbi = database.jdbi();
            jdbi.useHandle(handle -> {
                GroupQueries groups = new GroupQueries(handle);
                Group first = byName(groups, "First line");
                Group second = byName(groups, "Second line");
                assertThat(first.escalationTarget()).isFalse();
                assertThat(second.escalationTarget()).isTrue();
                assertThat(first.members()).containsExactly(agent(handle, "first@test.local"));
                assertThat(second.members()).containsExactly(agent(handle, "second@test.local"));
                assertThat(groups.groupsOf(agent(handle, "second@test.local"))).containsExactly(second.id());

                assertThat(new BackfillQueries(handle).finished(GroupQueries.TICKET_GROUP_BACKFILL)).isFalse();
                assertThat(handle.createQuery("select count(*) from ticket where group_id is null").mapTo(Long.class).one())
                        .isEqualTo(10);
                assertThat(groupCounts(handle, groups)).as("read before the back-fill")
                        .isEqualTo(Map.of(first.id(), 5L, second.id(), 5L));
                assertThat(groups.ticketCount(second.id())).isEqualTo(5);
            });

            new Backfiller(jdbi, Map.of(), new Backfiller.Settings(3, java.time.Duration.ZERO, java.time.Duration.ZERO,
                    java.time.Duration.ofMinutes(1)), Clock.systemUTC()).runAll();

            jdbi.useHandle(handle -> {
                GroupQueries groups = new GroupQueries(handle);
                Group first = byName(groups, "First line");
                Group second = byName(groups, "Second line");
                assertThat(new BackfillQueries(handle).finished(GroupQueries.TICKET_GROUP_BACKFILL)).isTrue();
                assertThat(handle.createQuery("select count(*) from ticket where line = 2 and group_id = :g")
                        .bind("g", second.id()).mapTo(Long.class).one()).isEqualTo(5);
                assertThat(handle.createQuery("select count(*) from ticket where line = 1 and group_id = :g")
                        .bind("g", first.id()).mapTo(Long.class).one()).isEqualTo(5);
                assertThat(groupCounts(handle, groups)).isEqualTo(Map.of(first.id(), 5L, second.id(), 5L));
            });
        }
    }

    private static Map<Long, Long> groupCounts(Handle handle, GroupQueries groups) {
        Map<Long, Long> counts = new java.util.HashMap<>();
        handle.createQuery("select " + GroupQueries.TICKET_GROUP + " as g, count(*) as n from ticket t group by 1")
                .map((rs, ctx) -> counts.put(rs.getLong("g"), rs.getLong("n"))).list();
        return counts;
    }

    private static Group byName(GroupQueries groups, String name) {
        List<Group> all = groups.all();
        return all.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static long agent(Handle handle, String email) {
        return handle.createQuery("select id from agent where email = :email").bind("email", email)
                .mapTo(Long.class).one();
    }
}
