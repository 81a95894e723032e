package io.supporthub.hub.ticket.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.hub.contact.ContactSearchKeys;
import io.supporthub.hub.db.backfill.BackfillQueries;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The search's SQL: the newest tickets containing every word, without collecting all matches of a common word.
 *
 * <p>Subjects and messages are searched in their columns {@code words} (folded words and their stems, see
 * {@code search_query}), customers in their keys ({@code contact.search_keys}: folded name, email parts, phone
 * endings) and files' names in their words as written. While the back-fill of the word columns runs, the rows it has
 * not reached yet are read by their old vectors ({@code search}), in the walk and in the index part alike.
 *
 * <p>First the planner's estimate of each word's matching rows (messages, subjects, customers, files' names; the
 * statistics of {@code message.words} keep ten thousand words, see migration V20261202_0650) tells which word is the
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
    /**
     * The customers matching a word are counted, not estimated, up to this many: the planner's estimate of a prefix
     * query on the keys is a guess (4,000 for a domain of 19,000 customers, 7,920 for one phone number). More than
     * this and the word counts as common among customers: its tickets are walked, never collected.
     */
    static final int COUNTED_CONTACTS = 500;
    /** A bound on the estimate under which the walk is skipped that never holds: always walk first. */
    static final long ALWAYS_WALK = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The back-fills of the word columns: until both are finished, rows they have not reached are read by the old ones. */
    private static final String[] WORDS_BACKFILLS = {"message_words", "ticket_words"};

    /** The expression of the index attachment_name_search: a file name and its parts between dots, dashes, underscores. */
    private static final String FILE_NAME_WORDS = "to_tsvector('simple', a.file_name || ' ' || translate(a.file_name, '._-', '   '))";

    private final Handle handle;
    private final int walk;
    private final long rareRows;
    /** Whether the word columns' back-fill still runs, read once per search. */
    private boolean backfilling;

    public TicketSearchQueries(Handle handle) {
        this(handle, WALK, RARE_ROWS);
    }

    /** With a shorter walk, always walked first, so that a test of a few tickets goes through the word indexes too. */
    TicketSearchQueries(Handle handle, int walk) {
        this(handle, walk, ALWAYS_WALK);
    }

    /**
     * With a shorter walk, so that a test of a few tickets goes through the word indexes too, and a bound on the
     * estimate under which the walk is skipped ({@link #ALWAYS_WALK}: always walk first; a test database has no
     * statistics).
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
     * What a typed word finds, as tsquery texts, each null when the word has none: {@code words} in the columns
     * {@code words} (folded words by prefix, and their stems, see {@code search_query}), {@code legacy} in the older
     * vectors of the words as written (files' names, contacts without keys, and rows the back-fill has not reached
     * yet), {@code contact} in the contacts' keys (folded words by prefix, a phone's endings). Each has its narrower
     * {@code ...Index} query, the one the GIN indexes are scanned with (the word's longest part instead of all its parts
     * by prefix), checked against the whole query on the rows found.
     */
    record WordQueries(String words, String wordsIndex, String legacy, String legacyIndex, String contact,
                       String contactIndex) {
        boolean none() {
            return words == null && legacy == null && contact == null;
        }
    }

    /** One word of the search: its queries, its ticket number, and the planner's estimate of its rows. */
    private record Word(int index, WordQueries queries, Long ticketNumber, Estimate estimate) {
        double estimatedRows() {
            return estimate.rows();
        }

        /** The SQL of the word's queries, bound; a narrower query that is the whole one is bound as the whole one. */
        Sql bound() {
            String q = ":q" + index;
            String o = ":o" + index;
            String c = ":c" + index;
            return new Sql(q, Objects.equals(queries.wordsIndex(), queries.words()) ? q : ":qi" + index,
                    o, Objects.equals(queries.legacyIndex(), queries.legacy()) ? o : ":oi" + index,
                    c, Objects.equals(queries.contactIndex(), queries.contact()) ? c : ":ci" + index);
        }
    }

    /**
     * The SQL expressions of a word's queries (binds, or literals for the planner's estimate), each of text; the
     * functions below turn them into tsqueries that match nothing when the text is null.
     */
    private record Sql(String words, String wordsIndex, String legacy, String legacyIndex, String contact,
                       String contactIndex) {
        static Sql literal(WordQueries q) {
            return new Sql(literalOf(q.words()), literalOf(q.wordsIndex()), literalOf(q.legacy()),
                    literalOf(q.legacyIndex()), literalOf(q.contact()), literalOf(q.contactIndex()));
        }

        private static String literalOf(String text) {
            return text == null ? "cast(null as text)" : "'" + text.replace("'", "''") + "'";
        }
    }

    /** Ids of the tickets after the cursor that pass the list's conditions and contain every word, newest first. */
    public List<Long> newest(SearchTerms terms, ListPart list, Instant afterAt, Long afterId, int limit) {
        List<Word> words = new ArrayList<>();
        Queried queried = queries(terms);
        for (int i = 0; i < terms.words().size(); i++) {
            SearchTerms.Word typed = terms.words().get(i);
            if (queried.words().get(i).none() && typed.ticketNumber() == null) {
                return List.of();
            }
        }
        this.backfilling = !new BackfillQueries(handle).finished(WORDS_BACKFILLS);
        for (int i = 0; i < terms.words().size(); i++) {
            WordQueries q = queried.words().get(i);
            words.add(new Word(i, q, terms.words().get(i).ticketNumber(), estimate(q, queried.ticketsPerContact())));
        }
        // The rarest word first: it drives the index part, and in the walk it fails a ticket soonest.
        words.sort(Comparator.comparingDouble(Word::estimatedRows));
        Word rarest = words.get(0);
        Position from = afterAt == null ? null : new Position(afterId, afterAt);
        if (rareRows >= 0 && rarest.estimatedRows() <= rareRows) {
            return indexed(words, rarest, list, from, limit);
        }
        List<Long> ids = new ArrayList<>();
        int length = firstWalk(words, queried.tickets(), limit);
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
     * The estimates of the rows holding a word: messages, subjects, customers (counted, see {@link #COUNTED_CONTACTS})
     * and their tickets, files' names. {@code rows} is the rows the word's indexes would collect, the customers counted
     * by their tickets; a ticket number alone is one ticket.
     */
    private record Estimate(double messages, double subjects, double contacts, double contactTickets, double files) {
        static final Estimate TICKET_NUMBER = new Estimate(0, 1, 0, 0, 0);

        double rows() {
            return messages + subjects + contactTickets + files;
        }
    }

    /**
     * The planner's estimates for the word, from the statistics of the columns searched, with the very tests the
     * search makes (the old vectors too while the back-fill runs). The queries are written out, not bound: the
     * estimate is of their own words. Planned only, not run.
     */
    private Estimate estimate(WordQueries queries, double ticketsPerContact) {
        if (queries.none()) {
            return Estimate.TICKET_NUMBER;
        }
        Sql q = Sql.literal(queries);
        String plan = handle.createQuery("explain (format json) select 1 from message m where " + wordsTest("m", q)
                        + " union all select 1 from ticket t where " + wordsTest("t", q)
                        + " union all select 1 from contact c where " + contactMatches("c", q, false)
                        + " union all select 1 from attachment a where " + FILE_NAME_WORDS + " @@ " + legacyQuery(q))
                .mapTo(String.class).one();
        try {
            JsonNode branches = JSON.readTree(plan).path(0).path("Plan").path("Plans");
            if (branches.size() == 4) {
                double contacts = countedContacts(q, rows(branches.get(2)));
                return new Estimate(rows(branches.get(0)), rows(branches.get(1)), contacts,
                        contacts > COUNTED_CONTACTS ? Math.max(contacts * ticketsPerContact, RARE_ROWS + 1)
                                : contacts * ticketsPerContact,
                        rows(branches.get(3)));
            }
        } catch (JsonProcessingException e) {
            // Not the plan expected: the word counts as common, which costs the walk, never a result.
        }
        return new Estimate(Double.MAX_VALUE, 0, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /**
     * The customers matching the word, counted in the keys' index up to {@link #COUNTED_CONTACTS} (0.3 ms for a phone,
     * 5 ms for a domain of 19,000 customers at 200,000). Past it, more than the planner's estimate and than a set of
     * ids is built for ({@value #HASHED_ROWS}), so that the walk tests each ticket's own customer.
     */
    private double countedContacts(Sql q, double planned) {
        long counted = handle.createQuery("select count(*) from (select 1 from contact c where "
                        + contactMatches("c", q, true) + " limit " + (COUNTED_CONTACTS + 1) + ") x")
                .mapTo(Long.class).one();
        return counted <= COUNTED_CONTACTS ? counted : Math.max(planned, HASHED_ROWS + 1);
    }

    private static double rows(JsonNode node) {
        return node.path("Plan Rows").asDouble(Double.MAX_VALUE);
    }

    /**
     * The contacts whose keys (or, before the back-fill reaches them, old words) hold every word, newest first, at
     * most {@code limit}: each word one scan of the keys' GIN index, as in the search's customer part.
     */
    public List<Long> contacts(SearchTerms terms, int limit) {
        Queried queried = queries(terms);
        List<Word> words = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select c.id from contact c where true ");
        for (int i = 0; i < queried.words().size(); i++) {
            Word word = new Word(i, queried.words().get(i), null, null);
            words.add(word);
            sql.append("and ").append(contactMatches("c", word.bound(), true)).append(' ');
        }
        Query query = handle.createQuery(sql.append("order by c.id desc limit :limit").toString()).bind("limit", limit);
        bindWords(query, words);
        // The words' queries on messages and subjects are bound for every word and read by none here.
        query.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
        return query.mapTo(Long.class).list();
    }

    /** The cursor of a walk or of the index part; apart from the list's own cursor, which its binds set. */
    private static String after(Position from) {
        return from == null ? "" : "and (t.last_message_at, t.id) < (:fromAt, :fromId) ";
    }

    private List<Position> walk(List<Word> words, ListPart list, Position from, int length, int limit) {
        String sql = "select w.id, w.last_message_at from (select t.id, t.last_message_at, "
                + "t.contact_id, t.search, t.words, t.number from ticket t " + "where true " + list.conditions()
                + after(from) + "order by t.last_message_at desc, t.id desc limit :walk) w where true "
                + tests(words, null, "w") + "order by w.last_message_at desc, w.id desc limit :limit";
        Query query = handle.createQuery(sql).bind("walk", length).bind("limit", limit);
        bindFrom(query, from);
        bindWords(query, words);
        list.binds().accept(query);
        return query.map((rs, ctx) -> new Position(rs.getLong("id"), rs.getTimestamp("last_message_at").toInstant())).list();
    }

    /** The conditions that a ticket {@code alias} contains each word but {@code skipped}, each starting with "and". */
    private String tests(List<Word> words, Word skipped, String alias) {
        StringBuilder sql = new StringBuilder();
        for (Word word : words) {
            if (word == skipped) {
                continue;
            }
            List<String> tests = new ArrayList<>();
            if (!word.queries().none()) {
                // Cheapest first: the row at hand, the ticket's messages, their files, then the customer's row. A
                // word in few customers or files is looked up once in their index (a hashed set of ids) rather than
                // on every walked ticket's rows.
                Sql q = word.bound();
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

    private String subjectTest(String alias, Sql q) {
        return wordsTest(alias, q);
    }

    private String messageTest(String alias, Sql q) {
        return "message m where m.ticket_id = " + alias + ".id and " + wordsTest("m", q);
    }

    /**
     * The test of a walked ticket's customer: its keys ({@code search_keys}: folded name, email parts, phone endings),
     * or for a contact written before the keys whom the back-fill has not reached yet, the words of its name and
     * addresses as written ({@code search}).
     */
    private static String contactTest(String alias, Sql q) {
        return "contact c where c.id = " + alias + ".contact_id and " + contactMatches("c", q, false);
    }

    private static String contactIds(Sql q) {
        return "select c.id from contact c where " + contactMatches("c", q, true);
    }

    private static String fileNameTickets(Sql q) {
        return "select m.ticket_id from attachment a join message m on m.id = a.message_id where "
                + fileNameMatches(q, true);
    }

    private static String fileNameTest(String alias, Sql q) {
        return "message m join attachment a on a.message_id = m.id where m.ticket_id = " + alias + ".id and "
                + fileNameMatches(q, false);
    }

    /**
     * A subject's or a message's test of the word on the row {@code alias} (a ticket or a message): its words column,
     * or while the back-fill runs its old vector when the back-fill has not reached it.
     */
    private String wordsTest(String alias, Sql q) {
        String words = alias + ".words @@ " + wordsQuery(q.words());
        return backfilling ? "(" + words + " or (" + alias + ".words is null and " + alias + ".search @@ "
                + legacyQuery(q) + "))" : words;
    }

    /**
     * The contact {@code c} matches the word: by its keys, or by its old words while it has no keys. With
     * {@code indexed}, each side scanned in its index with the narrower query and checked against the whole one.
     */
    private static String contactMatches(String c, Sql q, boolean indexed) {
        return "(" + matches(c + ".search_keys", q.contact(), q.contactIndex(), indexed, false) + " or (" + c
                + ".search_keys is null and " + matches(c + ".search", q.legacy(), q.legacyIndex(), indexed, true) + "))";
    }

    private static String fileNameMatches(Sql q, boolean indexed) {
        return matches(FILE_NAME_WORDS, q.legacy(), q.legacyIndex(), indexed, true);
    }

    /**
     * {@code vector @@ query}; with {@code indexed}, the vector is scanned in its index with the narrower query and
     * the whole one checked on the rows found, by the function rather than the operator so that the index is not
     * scanned for its other parts too. {@code simple}: the queries are of lexemes as written ('simple'), else tsquery
     * texts.
     */
    private static String matches(String vector, String whole, String narrow, boolean indexed, boolean simple) {
        String wholeQuery = simple ? simpleQuery(whole) : wordsQuery(whole);
        if (!indexed || narrow.equals(whole)) {
            return vector + " @@ " + wholeQuery;
        }
        return vector + " @@ " + (simple ? simpleQuery(narrow) : wordsQuery(narrow)) + " and ts_match_vq(" + vector
                + ", " + wholeQuery + ")";
    }

    /** A query text against the columns {@code words} or the contacts' keys; one that matches nothing when null. */
    private static String wordsQuery(String text) {
        return "coalesce(cast(" + text + " as tsquery), '')";
    }

    /** A query text against the older vectors of words as written ('simple'); one that matches nothing when null. */
    private static String simpleQuery(String text) {
        return "to_tsquery('simple', coalesce(" + text + ", ''))";
    }

    private static String legacyQuery(Sql q) {
        return simpleQuery(q.legacy());
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
        String sql = "select r.id from (select t.id, t.last_message_at, t.contact_id, t.search, t.words, t.number "
                + "from ticket t where t.id = any(array(" + String.join(" union ", sources(rarest)) + ")) "
                + list.conditions() + after(from) + "order by t.last_message_at desc, t.id desc offset 0) r where true "
                + tests(words, rarest, "r") + "order by r.last_message_at desc, r.id desc limit :limit";
        Query query = handle.createQuery(sql).bind("limit", limit);
        bindFrom(query, from);
        bindWords(query, words);
        list.binds().accept(query);
        return query.mapTo(Long.class).list();
    }

    /** The queries of the ids of the tickets that contain the word, each served by an index. */
    private List<String> sources(Word word) {
        List<String> sources = new ArrayList<>();
        if (!word.queries().none()) {
            Sql q = word.bound();
            String words = matches("words", q.words(), q.wordsIndex(), true, false);
            sources.add("select id from ticket where " + words);
            // One branch per partial index: public messages, internal notes.
            sources.add("select ticket_id from message where visibility = 'public' and " + words);
            sources.add("select ticket_id from message where visibility = 'internal' and " + words);
            if (backfilling) {
                String legacy = "words is null and " + matches("search", q.legacy(), q.legacyIndex(), true, true);
                sources.add("select id from ticket where " + legacy);
                sources.add("select ticket_id from message where visibility = 'public' and " + legacy);
                sources.add("select ticket_id from message where visibility = 'internal' and " + legacy);
            }
            // The customers' tickets from an array of the matching contacts: the planner cannot tell one customer
            // from thousands by a prefix query and would hash the whole ticket table for one phone number. The old
            // words only in the partial index of contacts without keys, empty once their back-fill is done.
            sources.add("select id from ticket where contact_id = any(array(" + contactIds(q) + "))");
            sources.add(fileNameTickets(q));
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
            WordQueries q = word.queries();
            query.bind("q" + word.index(), q.words()).bind("qi" + word.index(), q.wordsIndex())
                    .bind("o" + word.index(), q.legacy()).bind("oi" + word.index(), q.legacyIndex())
                    .bind("c" + word.index(), q.contact()).bind("ci" + word.index(), q.contactIndex())
                    .bind("n" + word.index(), word.ticketNumber());
        }
    }

    /** Each word's queries, in the words' order, and the number of tickets (the planner's), from one statement. */
    private record Queried(List<WordQueries> words, double tickets, double contacts) {
        /** Tickets per customer (the planner's counts), at least one; one when the tables have no statistics. */
        double ticketsPerContact() {
            return tickets > 0 && contacts > 0 ? Math.max(1, tickets / contacts) : 1;
        }
    }

    /**
     * Each word's queries in one round trip: on the word columns {@code search_query} and its narrower form (the
     * longest folded part by prefix instead of all of them, the stems as they are); on the old vectors
     * {@link #prefixQuery} and {@link #longestPrefix}; on the contacts' keys the folded parts by prefix or the phone's
     * endings (see {@link #contactQuery}).
     */
    private Queried queries(SearchTerms terms) {
        List<String> typed = terms.words().stream().map(SearchTerms.Word::text).toList();
        List<String[]> rows = handle.createQuery("select cast(search_query(w.word) as text), "
                        + "cast(cast(" + longestPrefix("search_fold(w.word)") + " as tsquery) "
                        + "|| plainto_tsquery('russian', search_fold(w.word)) "
                        + "|| plainto_tsquery('french', search_fold(w.word)) as text), "
                        + prefixQuery("w.word") + ", " + longestPrefix("w.word") + ", "
                        + prefixQuery("search_fold(w.word)") + ", " + longestPrefix("search_fold(w.word)") + ", "
                        + "(select reltuples from pg_class where oid = 'ticket'::regclass)::text, "
                        + "(select reltuples from pg_class where oid = 'contact'::regclass)::text"
                        + " from unnest(:words) with ordinality as w(word, n) order by w.n")
                .bindArray("words", String.class, typed)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)})
                .list();
        List<WordQueries> words = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            List<String> endings = terms.words().get(i).phoneEndings();
            words.add(new WordQueries(row[0], row[0] == null ? null : row[1], row[2], row[3],
                    contactQuery(row[4], endings), contactQuery(row[5], endings)));
        }
        return new Queried(words, rows.isEmpty() ? 0 : parse(rows.get(0)[6]), rows.isEmpty() ? 0 : parse(rows.get(0)[7]));
    }

    /**
     * The query of a word against the contacts' keys ({@link ContactSearchKeys}): its folded lexemes by prefix, or a
     * phone's ending (its digits reversed after the phone mark, by prefix).
     */
    private static String contactQuery(String folded, List<String> phoneEndings) {
        List<String> alternatives = new ArrayList<>();
        if (folded != null) {
            alternatives.add("(" + folded + ")");
        }
        for (String ending : phoneEndings) {
            alternatives.add("'" + ContactSearchKeys.PHONE_MARK + new StringBuilder(ending).reverse() + "':*");
        }
        return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
    }

    private static double parse(String number) {
        try {
            return number == null ? 0 : Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return 0;
        }
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
    private static String longestPrefix(String word) {
        return "(select quote_literal(lexeme) || ':*' from unnest(to_tsvector('simple', " + word + ")) "
                + "order by length(lexeme) desc, lexeme limit 1)";
    }
}
