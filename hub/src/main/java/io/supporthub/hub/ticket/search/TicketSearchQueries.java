package io.supporthub.hub.ticket.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The search's SQL: the newest tickets containing every word, without collecting all matches of a common word.
 *
 * <p>First the planner's estimate of each word's matching rows (messages, subjects, customers, files' names; the
 * statistics of {@code message.search} keep ten thousand words, see migration V20261202_0620) tells which word is the
 * rarest. When even the rarest is common, the newest tickets of the list (after the cursor) are walked in the inbox
 * index's order and each tested against the words, rarest first (its subject, its messages by the ticket's index, its
 * files' names, its customer): a common word fills the page within a few dozen tickets and the walk stops there. The
 * walk may go as far as the words' estimated density needs for two pages, at least {@value #WALK} tickets and at most
 * {@value #LONGEST_WALK}; when the matches found promise a full page within a walk ten times as long (and that is not
 * too long), that walk follows. Otherwise, and at once when a word is rare, the rest comes from the rarest word's
 * indexes (GIN), restricted to the list and to tickets older than the walked ones: few matches, so collecting them and
 * sorting is cheap, and the other words are tested on those tickets in the list's order until the page is full. Both
 * parts keep the order (last message, id), so the keyset paging stays exact.
 */
public final class TicketSearchQueries {

    static final int WALK = 300;
    private static final int WIDENING = 10;
    /**
     * A word estimated in at most this many rows (messages, subjects, customers) is looked up in its indexes without
     * a walk: at a million tickets collecting and ordering 10,000 matches costs about what walking the tickets a page
     * of a word that rare needs (50 matches in 5,000 tickets).
     */
    static final long RARE_ROWS = 10_000;
    /** The longest first walk, in tickets: at a million tickets about the cost of collecting 10,000 matches. */
    static final int LONGEST_WALK = 10_000;
    /** A word estimated in at most this many customers or files is tested by a set of their ids, built once. */
    private static final long HASHED_ROWS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The expression of the index attachment_name_search: a file name and its parts between dots, dashes, underscores. */
    private static final String FILE_NAME_WORDS = "to_tsvector('simple', a.file_name || ' ' || translate(a.file_name, '._-', '   '))";

    private final Handle handle;
    private final int walk;
    private final long rareRows;

    public TicketSearchQueries(Handle handle) {
        this(handle, WALK, RARE_ROWS);
    }

    /**
     * With a shorter walk, so that a test of a few tickets goes through the word indexes too, and a bound on the
     * estimate under which the walk is skipped ({@code -1}: always walk first; a test database has no statistics).
     */
    TicketSearchQueries(Handle handle, int walk, long rareRows) {
        this.handle = handle;
        this.walk = walk;
        this.rareRows = rareRows;
    }

    /** The list's part of a search: its conditions on {@code t} (each starting with "and") and their binds. */
    public record ListPart(String conditions, Consumer<Query> binds) {
    }

    /** A ticket's place in the list. */
    private record Position(long id, Instant lastMessageAt) {
    }

    /**
     * One word of the search: its query on the words of the indexed text, the narrower query the GIN indexes are
     * scanned with (a word's rarest part, checked against the whole query on the rows found), and its ticket number.
     */
    private record Word(int index, String tsQuery, String indexQuery, Long ticketNumber, Estimate estimate) {
        double estimatedRows() {
            return estimate.rows();
        }

        String q() {
            return ":q" + index;
        }

        String iq() {
            return ":iq" + index;
        }
    }

    /** Ids of the tickets after the cursor that pass the list's conditions and contain every word, newest first. */
    public List<Long> newest(SearchTerms terms, ListPart list, Instant afterAt, Long afterId, int limit) {
        List<Word> words = new ArrayList<>();
        List<String[]> queries = queries(terms);
        for (int i = 0; i < terms.words().size(); i++) {
            SearchTerms.Word typed = terms.words().get(i);
            String tsQuery = queries.get(i)[0];
            if (tsQuery == null && typed.ticketNumber() == null) {
                return List.of();
            }
            words.add(new Word(i, tsQuery, queries.get(i)[1], typed.ticketNumber(), estimate(tsQuery)));
        }
        // The rarest word first: it drives the index part, and in the walk it fails a ticket soonest.
        words.sort(Comparator.comparingDouble(Word::estimatedRows));
        Word rarest = words.get(0);
        Position from = afterAt == null ? null : new Position(afterId, afterAt);
        if (rareRows >= 0 && rarest.estimatedRows() <= rareRows) {
            return indexed(words, rarest, list, from, limit);
        }
        List<Long> ids = new ArrayList<>();
        int length = firstWalk(words, queries.isEmpty() ? 0 : parse(queries.get(0)[2]), limit);
        for (boolean first = true; ; first = false) {
            List<Position> found = walk(words, list, from, length, limit - ids.size());
            found.forEach(p -> ids.add(p.id()));
            Position end = ids.size() < limit ? walkEnd(list, from, length) : null;
            if (end == null) {
                return ids;
            }
            from = end;
            // Matches dense enough to fill the page within a walk ten times as long, and that walk not too long:
            // walk on, else the indexes.
            if (!first || found.size() * WIDENING < limit - ids.size() || length * WIDENING > LONGEST_WALK) {
                ids.addAll(indexed(words, rarest, list, end, limit - ids.size()));
                return ids;
            }
            length *= WIDENING;
        }
    }

    /**
     * The planner's estimates of the rows holding a word: messages, subjects, customers and files' names.
     * {@code rows} is their sum; a ticket number alone is one ticket.
     */
    private record Estimate(double messages, double subjects, double contacts, double files) {
        static final Estimate TICKET_NUMBER = new Estimate(0, 1, 0, 0);

        double rows() {
            return messages + subjects + contacts + files;
        }
    }

    /**
     * The planner's estimates for the word, from the statistics of the words' columns. The query is written out, not
     * bound: the estimate is of its own words. Planned only, not run.
     */
    private Estimate estimate(String tsQuery) {
        if (tsQuery == null) {
            return Estimate.TICKET_NUMBER;
        }
        String q = "to_tsquery('simple', '" + tsQuery.replace("'", "''") + "')";
        String plan = handle.createQuery("explain (format json) select 1 from message where search @@ " + q
                        + " union all select 1 from ticket where search @@ " + q
                        + " union all select 1 from contact where search @@ " + q
                        + " union all select 1 from attachment a where " + FILE_NAME_WORDS + " @@ " + q)
                .mapTo(String.class).one();
        try {
            JsonNode branches = JSON.readTree(plan).path(0).path("Plan").path("Plans");
            if (branches.size() == 4) {
                return new Estimate(rows(branches.get(0)), rows(branches.get(1)), rows(branches.get(2)), rows(branches.get(3)));
            }
        } catch (JsonProcessingException e) {
            // Not the plan expected: the word counts as common, which costs the walk, never a result.
        }
        return new Estimate(Double.MAX_VALUE, 0, Double.MAX_VALUE, Double.MAX_VALUE);
    }

    private static double parse(String number) {
        try {
            return number == null ? 0 : Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double rows(JsonNode node) {
        return node.path("Plan Rows").asDouble(Double.MAX_VALUE);
    }

    /** The cursor of a walk or of the index part; apart from the list's own cursor, which its binds set. */
    private static String after(Position from) {
        return from == null ? "" : "and (t.last_message_at, t.id) < (:fromAt, :fromId) ";
    }

    private List<Position> walk(List<Word> words, ListPart list, Position from, int length, int limit) {
        String sql = "select w.id, w.last_message_at from (select t.id, t.last_message_at, "
                + "t.contact_id, t.search, t.number from ticket t " + "where true " + list.conditions()
                + after(from) + "order by t.last_message_at desc, t.id desc limit :walk) w where true "
                + tests(words, null, "w") + "order by w.last_message_at desc, w.id desc limit :limit";
        Query query = handle.createQuery(sql).bind("walk", length).bind("limit", limit);
        bindFrom(query, from);
        bindWords(query, words);
        list.binds().accept(query);
        return query.map((rs, ctx) -> new Position(rs.getLong("id"), rs.getTimestamp("last_message_at").toInstant())).list();
    }

    /** The conditions that a ticket {@code alias} contains each word but {@code skipped}, each starting with "and". */
    private static String tests(List<Word> words, Word skipped, String alias) {
        StringBuilder sql = new StringBuilder();
        for (Word word : words) {
            if (word == skipped) {
                continue;
            }
            List<String> tests = new ArrayList<>();
            if (word.tsQuery() != null) {
                // Cheapest first: the row at hand, the ticket's messages, their files, then the customer's row. A
                // word in few customers or files is looked up once in their index (a hashed set of ids) rather than
                // on every walked ticket's rows.
                String q = "to_tsquery('simple', " + word.q() + ")";
                tests.add(subjectTest(alias, q));
                tests.add(anyRow(messageTest(alias, q)));
                tests.add(word.estimate().files() <= HASHED_ROWS ? alias + ".id in (" + fileNameTickets(q) + ")"
                        : anyRow(fileNameTest(alias, q)));
                tests.add(word.estimate().contacts() <= HASHED_ROWS ? alias + ".contact_id in (" + contactIds(q) + ")"
                        : anyRow(contactTest(alias, q)));
            }
            if (word.ticketNumber() != null) {
                tests.add(alias + ".number = :n" + word.index());
            }
            sql.append("and (").append(String.join(" or ", tests)).append(") ");
        }
        return sql.toString();
    }

    private static String subjectTest(String alias, String q) {
        return alias + ".search @@ " + q;
    }

    private static String messageTest(String alias, String q) {
        return "message m where m.ticket_id = " + alias + ".id and m.search @@ " + q;
    }

    private static String contactTest(String alias, String q) {
        return "contact c where c.id = " + alias + ".contact_id and c.search @@ " + q;
    }

    private static String contactIds(String q) {
        return "select id from contact where search @@ " + q;
    }

    private static String fileNameTickets(String q) {
        return "select m.ticket_id from attachment a join message m on m.id = a.message_id where "
                + FILE_NAME_WORDS + " @@ " + q;
    }

    private static String fileNameTest(String alias, String q) {
        return "message m join attachment a on a.message_id = m.id where m.ticket_id = " + alias + ".id and "
                + FILE_NAME_WORDS + " @@ " + q;
    }

    /**
     * A test of one walked ticket. Not {@code exists}: PostgreSQL turns an {@code exists} under {@code or} into a hash
     * of every matching row, read in full before the first ticket is tested (0.45 s for a common word at 250,000
     * messages), where this scalar subquery looks up the ticket's own few rows (0.6 ms).
     */
    private static String anyRow(String fromWhere) {
        return "coalesce((select true from " + fromWhere + " limit 1), false)";
    }

    /** The last ticket the walk looked at, or null when the walk reached the end of the list. */
    private Position walkEnd(ListPart list, Position from, int length) {
        Query query = handle.createQuery("select t.id, t.last_message_at from ticket t " + "where true "
                        + list.conditions() + after(from) + "order by t.last_message_at desc, t.id desc offset :skip limit 1")
                .bind("skip", length - 1);
        bindFrom(query, from);
        list.binds().accept(query);
        return query.map((rs, ctx) -> new Position(rs.getLong("id"), rs.getTimestamp("last_message_at").toInstant()))
                .findOne().orElse(null);
    }

    /**
     * The tickets after {@code from} that contain every word: the rarest word's tickets from its indexes, in the
     * list's order (the array makes PostgreSQL fetch them by primary key, where a join would read the whole inbox
     * index), then the other words tested on them one by one until the page is full ({@code offset 0} keeps those
     * tests above the sort rather than on every ticket found).
     */
    private List<Long> indexed(List<Word> words, Word rarest, ListPart list, Position from, int limit) {
        String sql = "select r.id from (select t.id, t.last_message_at, t.contact_id, t.search, t.number from ticket t "
                + "where t.id = any(array(" + String.join(" union ", sources(rarest)) + ")) " + list.conditions()
                + after(from) + "order by t.last_message_at desc, t.id desc offset 0) r where true "
                + tests(words, rarest, "r") + "order by r.last_message_at desc, r.id desc limit :limit";
        Query query = handle.createQuery(sql).bind("limit", limit);
        bindFrom(query, from);
        bindWords(query, words);
        list.binds().accept(query);
        return query.mapTo(Long.class).list();
    }

    /** The queries of the ids of the tickets that contain the word, each served by an index. */
    private static List<String> sources(Word word) {
        List<String> sources = new ArrayList<>();
        if (word.tsQuery() != null) {
            String iq = "to_tsquery('simple', " + word.iq() + ")";
            // Scanned with the word's rarest part; the whole word is checked on the rows found, by the function
            // rather than the operator so that the index is not scanned for its other parts too.
            String whole = word.indexQuery().equals(word.tsQuery()) ? ""
                    : " and ts_match_vq(%s, to_tsquery('simple', " + word.q() + "))";
            sources.add("select id from ticket where search @@ " + iq + whole.formatted("search"));
            // One branch per partial index: public messages, internal notes.
            sources.add("select ticket_id from message where visibility = 'public' and search @@ " + iq
                    + whole.formatted("search"));
            sources.add("select ticket_id from message where visibility = 'internal' and search @@ " + iq
                    + whole.formatted("search"));
            sources.add("select id from ticket where contact_id = any(array(select id from contact where search @@ "
                    + iq + whole.formatted("search") + "))");
            sources.add("select m.ticket_id from attachment a join message m on m.id = a.message_id where "
                    + FILE_NAME_WORDS + " @@ " + iq + whole.formatted(FILE_NAME_WORDS));
        }
        if (word.ticketNumber() != null) {
            sources.add("select id from ticket where number = :n" + word.index());
        }
        return sources;
    }

    private static void bindFrom(Query query, Position from) {
        query.bind("fromAt", from == null ? null : from.lastMessageAt()).bind("fromId", from == null ? null : from.id());
    }

    private static void bindWords(Query query, List<Word> words) {
        for (Word word : words) {
            query.bind("q" + word.index(), word.tsQuery());
            query.bind("iq" + word.index(), word.indexQuery());
            query.bind("n" + word.index(), word.ticketNumber());
        }
    }

    /** Each word's {@link #prefixQuery} and {@link #indexQuery}, in the words' order, in one round trip. */
    private List<String[]> queries(SearchTerms terms) {
        List<String> typed = terms.words().stream().map(SearchTerms.Word::text).toList();
        return handle.createQuery("select " + prefixQuery("w.word") + ", " + indexQuery("w.word")
                        + ", (select reltuples from pg_class where oid = 'ticket'::regclass)::text"
                        + " from unnest(:words) with ordinality as w(word, n) order by w.n")
                .bindArray("words", String.class, typed)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    /**
     * How far the first walk may go: far enough to fill the page twice over at the words' estimated density (each
     * estimated row taken for a ticket of its own, the words independent), at least {@link #walk}, at most
     * {@value #LONGEST_WALK}. The walk stops as soon as the page is full, so a long bound costs only where matches are
     * sparse, which is where the word indexes would cost as much.
     */
    private int firstWalk(List<Word> words, double tickets, int limit) {
        if (rareRows < 0 || !(tickets > 0)) {
            return walk;
        }
        double density = 1;
        for (Word word : words) {
            density *= Math.min(1, word.estimatedRows() / tickets);
        }
        double wanted = 2.0 * limit / Math.max(density, 1e-9);
        return (int) Math.max(walk, Math.min(LONGEST_WALK, wanted));
    }

    /**
     * A prefix query of the word's lexemes as the 'simple' parser makes them in the indexed text ({@code WM-88213-X}
     * becomes {@code wm}, {@code -88213} and {@code x}), so that a serial is found however the parser split it.
     */
    private static String prefixQuery(String word) {
        return "(select string_agg(quote_literal(lexeme) || ':*', ' & ') from unnest(to_tsvector('simple', " + word + ")))";
    }

    /**
     * The part of the word's prefix query that the word indexes are scanned with: its longest lexeme, the rarest as a
     * rule. A short prefix such as the {@code x}, in {@code x:*}, of {@code WM-88213-X} matches thousands of words,
     * each of whose lists an index scan of the whole query would read.
     */
    private static String indexQuery(String word) {
        return "(select quote_literal(lexeme) || ':*' from unnest(to_tsvector('simple', " + word + ")) "
                + "order by length(lexeme) desc, lexeme limit 1)";
    }
}
