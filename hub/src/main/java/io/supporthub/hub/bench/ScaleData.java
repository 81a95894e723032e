package io.supporthub.hub.bench;

import io.supporthub.hub.agent.Passwords;
import io.supporthub.hub.contact.ContactSearchKeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a database the hub's migrations have just created with the scale benchmark's data: at scale 1, 1,000,000
 * tickets, 5,000,000 messages and 200,000 contacts, from {@code scale_data.sql}, on the server. The indexes of the
 * filled tables are dropped first and built again from their own definitions after the load (two at a time), then the
 * tables are vacuumed and analysed; constraints stay in force throughout.
 */
final class ScaleData {

    static final String ADMIN_EMAIL = "bench-admin@localhost";
    static final String ADMIN_PASSWORD = "scale benchmark password";

    private static final List<String> TABLES = List.of("contact", "contact_address", "ticket", "message", "attachment",
            "ticket_event", "ticket_observer", "agent_group_member", "company");
    private static final Pattern STEP = Pattern.compile("^-- (step|per tickets): (.+)$", Pattern.MULTILINE);
    private static final int CONNECTIONS = 2;

    /** How much to generate: tickets (an even number, as they come in pairs of ten messages) and contacts. */
    record Size(long tickets, long contacts) {
        static Size of(double scale) {
            long tickets = Math.max(2, Math.round(1_000_000 * scale / 2) * 2);
            return new Size(tickets, Math.max(1, Math.round(200_000 * scale)));
        }
    }

    private record Step(String name, boolean perTickets, String sql) {
    }

    private final String jdbcUrl;
    private final Size size;
    private final long seed;

    ScaleData(String jdbcUrl, Size size, long seed) {
        this.jdbcUrl = jdbcUrl;
        this.size = size;
        this.seed = seed;
    }

    /** Generates the data and returns a word that is in few messages (about a hundred at scale 1). */
    String generate() throws Exception {
        Map<String, String> values = Map.of("seed", Long.toString(seed), "tickets", Long.toString(size.tickets()),
                "contacts", Long.toString(size.contacts()),
                "anchor", Instant.now().truncatedTo(ChronoUnit.HOURS).toString(),
                "contact_search_keys", ContactSearchKeys.of("c.name", "c.id"));
        try (Connection connection = connect()) {
            createAdmin(connection);
            List<String> indexes = dropIndexes(connection);
            for (Step step : steps(values)) {
                long started = System.nanoTime();
                if (step.perTickets()) {
                    runPerTickets(step);
                } else {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(step.sql());
                    }
                }
                report(step.name(), started);
            }
            String rareWord = rareWord(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop schema bench_gen cascade");
            }
            long started = System.nanoTime();
            parallel(indexes);
            report("indexes (" + indexes.size() + ")", started);
            started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum (analyze) " + String.join(", ", TABLES));
            }
            report("vacuum and analyze", started);
            return rareWord;
        }
    }

    /** The first made-up word (past the common ones) that is in exactly one of the sentences messages are made of. */
    private static String rareWord(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select w.word from (select word, count(*) as sentences from "
                     + "(select unnest(string_to_array(text, ' ')) as word from bench_gen.sentence) used group by word) counted "
                     + "join bench_gen.word w on w.word = counted.word where w.rank > 1000 and counted.sentences = 1 "
                     + "order by w.rank limit 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The administrator the benchmark logs in as; the generated agents share its password. */
    private static void createAdmin(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into agent (email, name, password_hash, role, line) values (?, 'Administrator', ?, 'admin', 1)")) {
            insert.setString(1, ADMIN_EMAIL);
            insert.setString(2, Passwords.hash(ADMIN_PASSWORD));
            insert.executeUpdate();
        }
    }

    /** Drops the filled tables' indexes that no constraint owns, and returns the statements that build them again. */
    private static List<String> dropIndexes(Connection connection) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select i.indexrelid::regclass::text, "
                + "pg_get_indexdef(i.indexrelid), c.relname from pg_index i join pg_class c on c.oid = i.indrelid "
                + "where c.relnamespace = 'public'::regnamespace and c.relname = any(?) "
                + "and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)")) {
            query.setArray(1, connection.createArrayOf("text", TABLES.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("drop index " + name);
            }
        }
        // The biggest (the messages' full-text index) first, so that the two connections finish together.
        definitions.sort((a, b) -> Boolean.compare(b.contains("USING gin"), a.contains("USING gin")));
        return definitions;
    }

    private void runPerTickets(Step step) throws Exception {
        long chunk = Math.max(5_000, size.tickets() / 20);
        List<String> statements = new ArrayList<>();
        for (long from = 1; from <= size.tickets(); from += chunk) {
            long to = Math.min(size.tickets(), from + chunk - 1);
            statements.add(step.sql().replace("${from}", Long.toString(from)).replace("${to}", Long.toString(to)));
        }
        parallel(statements);
    }

    /** Runs the statements on {@link #CONNECTIONS} connections, each statement in a transaction of its own. */
    private void parallel(List<String> statements) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (String sql : statements) {
                work.add(pool.submit(() -> {
                    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        try (Statement statement = connection.createStatement()) {
            // Nothing here is worth waiting for the disk at each commit: a crash means generating again.
            statement.execute("set synchronous_commit = off");
            statement.execute("set maintenance_work_mem = '512MB'");
            statement.execute("set work_mem = '64MB'");
            statement.execute("set jit = off");
        }
        return connection;
    }

    private static List<Step> steps(Map<String, String> values) throws IOException {
        String script;
        try (InputStream in = ScaleData.class.getResourceAsStream("scale_data.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            script = script.replace("${" + value.getKey() + "}", value.getValue());
        }
        List<Step> steps = new ArrayList<>();
        Matcher header = STEP.matcher(script);
        boolean more = header.find();
        while (more) {
            String kind = header.group(1);
            String name = header.group(2).strip();
            int bodyStart = header.end();
            more = header.find();
            String sql = script.substring(bodyStart, more ? header.start() : script.length());
            steps.add(new Step(name, kind.equals("per tickets"), sql));
        }
        return steps;
    }

    private static void report(String what, long startedNanos) {
        System.out.printf(Locale.ROOT, "  %-22s %7.1f s%n", what, (System.nanoTime() - startedNanos) / 1e9);
    }
}
