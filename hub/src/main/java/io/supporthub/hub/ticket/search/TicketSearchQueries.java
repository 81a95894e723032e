package io.supporthub.hub.ticket.search;

import io.supporthub.hub.contact.ContactSearchKeys;
import io.supporthub.hub.db.backfill.BackfillQueries;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The search's SQL: the newest tickets containing every word, without collecting all matches of a common word.
 *
 * <p>First the newest {@value #WALK} tickets of the list (after the cursor) are walked in the inbox index's order and
 * each tested against the words (its subject, its messages by the ticket's index, its customer): a common word fills
 * the page within a few dozen tickets and the walk stops there. When the matches found promise a full page within a
 * walk ten times as long, that walk follows. A rarer word leaves the page short, and the rest
 * comes from the word indexes (GIN), restricted to tickets older than the walked ones: few matches, so collecting
 * them all and sorting is cheap. Both parts keep the order (last message, id), so the keyset paging stays exact.
 */
public final class TicketSearchQueries {

    static final int WALK = 300;
    private static final int WIDENING = 10;

    /** The back-fills of the word columns: until both are finished, rows they have not reached are read by the old ones. */
    private static final String[] WORDS_BACKFILLS = {"message_words", "ticket_words"};

    /** The expression of the index attachment_name_search: a file name and its parts between dots, dashes, underscores. */
    private static final String FILE_NAME_WORDS = "to_tsvector('simple', a.file_name || ' ' || translate(a.file_name, '._-', '   '))";

    private final Handle handle;
    private final int walk;
    private final Map<SearchTerms.Word, String> contactQueries = new HashMap<>();
    /** Whether the word columns' back-fill still runs, read once per search. */
    private boolean backfilling;

    public TicketSearchQueries(Handle handle) {
        this(handle, WALK);
    }

    /** With a shorter walk, so that a test of a few tickets goes through the word indexes too. */
    TicketSearchQueries(Handle handle, int walk) {
        this.handle = handle;
        this.walk = walk;
    }

    /** The list's part of a search: its conditions on {@code t} (each starting with "and") and their binds. */
    public record ListPart(String conditions, Consumer<Query> binds) {
    }

    /** A ticket's place in the list. */
    private record Position(long id, Instant lastMessageAt) {
    }

    /**
     * What a typed word finds: {@code words} in the columns {@code words} (folded words by prefix, and their stems,
     * see {@code search_query}), {@code legacy} in the older vectors of the words as written (contacts, file names, and
     * rows the back-fill has not reached yet). Either is null when the word has no lexeme for it.
     */
    record WordQueries(String words, String legacy) {
    }

    /** Ids of the tickets after the cursor that pass the list's conditions and contain every word, newest first. */
    public List<Long> newest(SearchTerms terms, ListPart list, Instant afterAt, Long afterId, int limit) {
        List<WordQueries> tsQueries = terms.words().stream().map(w -> wordQueries(w.text())).toList();
        for (int i = 0; i < tsQueries.size(); i++) {
            if (tsQueries.get(i).words() == null && tsQueries.get(i).legacy() == null
                    && terms.words().get(i).ticketNumber() == null) {
                return List.of();
            }
        }
        this.backfilling = !new BackfillQueries(handle).finished(WORDS_BACKFILLS);
        List<Long> ids = new ArrayList<>();
        Position from = afterAt == null ? null : new Position(afterId, afterAt);
        int length = walk;
        for (boolean first = true; ; first = false) {
            List<Position> found = walk(terms, tsQueries, list, from, length, limit - ids.size());
            found.forEach(p -> ids.add(p.id()));
            Position end = ids.size() < limit ? walkEnd(list, from, length) : null;
            if (end == null) {
                return ids;
            }
            from = end;
            // Matches dense enough to fill the page within a walk ten times as long: walk on, else the indexes.
            if (!first || found.size() * WIDENING < limit - ids.size()) {
                ids.addAll(indexed(terms, tsQueries, list, end, limit - ids.size()));
                return ids;
            }
            length *= WIDENING;
        }
    }

    private static String after(Position from) {
        return from == null ? "" : "and (t.last_message_at, t.id) < (:fromAt, :fromId) ";
    }

    private List<Position> walk(SearchTerms terms, List<WordQueries> tsQueries, ListPart list, Position from, int length,
                                int limit) {
        StringBuilder sql = new StringBuilder("select w.id, w.last_message_at from (select t.id, t.last_message_at, "
                + "t.contact_id, t.search, t.words, t.number from ticket t " + "where true " + list.conditions()
                + after(from) + "order by t.last_message_at desc, t.id desc limit :walk) w where true ");
        for (int i = 0; i < tsQueries.size(); i++) {
            List<String> tests = new ArrayList<>();
            if (tsQueries.get(i).words() != null || tsQueries.get(i).legacy() != null) {
                tests.add(wordsTest("w", i));
                tests.add(anyRow("message m where m.ticket_id = w.id and " + wordsTest("m", i)));
            }
            if (tsQueries.get(i).legacy() != null) {
                String q = legacyQuery(i);
                tests.add(contactTest(i, q));
                tests.add(anyRow("message m join attachment a on a.message_id = m.id "
                        + "where m.ticket_id = w.id and " + FILE_NAME_WORDS + " @@ " + q));
            }
            if (terms.words().get(i).ticketNumber() != null) {
                tests.add("w.number = :n" + i);
            }
            sql.append("and (").append(String.join(" or ", tests)).append(") ");
        }
        sql.append("order by w.last_message_at desc, w.id desc limit :limit");
        Query query = handle.createQuery(sql.toString()).bind("walk", length).bind("limit", limit);
        bindFrom(query, from);
        bindWords(query, terms, tsQueries);
        list.binds().accept(query);
        return query.map((rs, ctx) -> new Position(rs.getLong("id"), rs.getTimestamp("last_message_at").toInstant())).list();
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
     * A subject's or a message's test of word {@code i} on the row {@code alias} (a ticket or a message): its words
     * column, or while the back-fill runs its old vector when the back-fill has not reached it.
     */
    private String wordsTest(String alias, int i) {
        String words = alias + ".words @@ " + wordsQuery(i);
        return backfilling ? "(" + words + " or (" + alias + ".words is null and " + alias + ".search @@ "
                + legacyQuery(i) + "))" : words;
    }

    /** The word indexes' sources of the tickets whose subject or a message has word {@code i}. */
    private List<String> wordsSources(int i) {
        List<String> sources = new ArrayList<>();
        String q = wordsQuery(i);
        sources.add("select id from ticket where words @@ " + q);
        // One branch per partial index: public messages, internal notes.
        sources.add("select ticket_id from message where visibility = 'public' and words @@ " + q);
        sources.add("select ticket_id from message where visibility = 'internal' and words @@ " + q);
        if (backfilling) {
            String legacy = legacyQuery(i);
            sources.add("select id from ticket where words is null and search @@ " + legacy);
            sources.add("select ticket_id from message where visibility = 'public' and words is null and search @@ " + legacy);
            sources.add("select ticket_id from message where visibility = 'internal' and words is null and search @@ " + legacy);
        }
        return sources;
    }

    /** Word {@code i} against the columns {@code words}; a query that matches nothing when the word has none. */
    private static String wordsQuery(int i) {
        return "coalesce(cast(:q" + i + " as tsquery), '')";
    }

    /** Word {@code i} against the older vectors of words as written ('simple'). */
    private static String legacyQuery(int i) {
        return "to_tsquery('simple', coalesce(:o" + i + ", ''))";
    }

    /** The tickets older than the boundary that contain every word, from the word indexes. */
    private List<Long> indexed(SearchTerms terms, List<WordQueries> tsQueries, ListPart list, Position boundary, int limit) {
        StringBuilder sql = new StringBuilder("select t.id from ticket t " + "where true "
                + list.conditions() + "and (t.last_message_at, t.id) < (:boundaryAt, :boundaryId) ");
        for (int i = 0; i < tsQueries.size(); i++) {
            List<String> sources = new ArrayList<>();
            if (tsQueries.get(i).words() != null || tsQueries.get(i).legacy() != null) {
                sources.addAll(wordsSources(i));
            }
            if (tsQueries.get(i).legacy() != null) {
                String q = legacyQuery(i);
                sources.add(contactSource(i, q));
                sources.add("select m.ticket_id from attachment a join message m on m.id = a.message_id "
                        + "where " + FILE_NAME_WORDS + " @@ " + q);
            }
            if (terms.words().get(i).ticketNumber() != null) {
                sources.add("select id from ticket where number = :n" + i);
            }
            sql.append("and t.id in (").append(String.join(" union ", sources)).append(") ");
        }
        sql.append("order by t.last_message_at desc, t.id desc limit :limit");
        Query query = handle.createQuery(sql.toString()).bind("limit", limit)
                .bind("boundaryAt", boundary.lastMessageAt()).bind("boundaryId", boundary.id());
        bindWords(query, terms, tsQueries);
        list.binds().accept(query);
        return query.mapTo(Long.class).list();
    }

    private static void bindFrom(Query query, Position from) {
        query.bind("fromAt", from == null ? null : from.lastMessageAt()).bind("fromId", from == null ? null : from.id());
    }

    private void bindWords(Query query, SearchTerms terms, List<WordQueries> tsQueries) {
        for (int i = 0; i < tsQueries.size(); i++) {
            query.bind("q" + i, tsQueries.get(i).words());
            query.bind("o" + i, tsQueries.get(i).legacy());
            query.bind("n" + i, terms.words().get(i).ticketNumber());
            query.bind("c" + i, contactQuery(terms.words().get(i)));
        }
    }

    /**
     * The test of a walked ticket's customer against word {@code i}: its keys ({@code search_keys}: folded name, email
     * parts, phone endings), or for a contact written before the keys whom the back-fill has not reached yet, the
     * words of its name and addresses as written ({@code search}).
     */
    private static String contactTest(int i, String q) {
        return anyRow("contact c where c.id = w.contact_id and " + contactMatches("c", i, q));
    }

    /**
     * The tickets of the customers matching word {@code i}: the contacts by their word indexes (the old words only in
     * the partial index of contacts without keys, empty once the back-fill is done), then their tickets by
     * {@code ticket_contact}. An array, not a join: the planner cannot tell one customer from thousands by a prefix
     * query and would hash the whole ticket table for one phone number.
     */
    private static String contactSource(int i, String q) {
        return "select tk.id from ticket tk where tk.contact_id = any(array(select cs.id from contact cs where "
                + contactMatches("cs", i, q) + "))";
    }

    private static String contactMatches(String c, int i, String q) {
        return "(" + c + ".search_keys @@ cast(:c" + i + " as tsquery) or (" + c + ".search_keys is null and " + c
                + ".search @@ " + q + "))";
    }

    /**
     * The query of a word against the contacts' keys ({@link io.supporthub.hub.contact.ContactSearchKeys}): its folded
     * lexemes as prefixes, or a phone's ending; computed once a word.
     */
    private String contactQuery(SearchTerms.Word word) {
        return contactQueries.computeIfAbsent(word, w -> {
            List<String> alternatives = new ArrayList<>();
            handle.createQuery("select string_agg(quote_literal(lexeme) || ':*', ' & ') "
                            + "from unnest(to_tsvector('simple', search_fold(:word)))")
                    .bind("word", w.text()).mapTo(String.class).findOne().ifPresent(q -> alternatives.add("(" + q + ")"));
            for (String ending : w.phoneEndings()) {
                alternatives.add("'" + ContactSearchKeys.PHONE_MARK + new StringBuilder(ending).reverse() + "':*");
            }
            return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
        });
    }

    /**
     * The word's queries. Each is a prefix query of the word's lexemes as the 'simple' parser makes them in the indexed
     * text ({@code WM-88213-X} becomes {@code wm}, {@code -88213} and {@code x}), so that a serial is found however the
     * parser split it; the one on the columns {@code words} is folded and also finds the word's stems.
     */
    private WordQueries wordQueries(String word) {
        return handle.createQuery("select cast(search_query(:word) as text) as words, "
                        + "(select string_agg(quote_literal(lexeme) || ':*', ' & ') "
                        + "from unnest(to_tsvector('simple', :word))) as legacy")
                .bind("word", word).map((rs, ctx) -> new WordQueries(rs.getString("words"), rs.getString("legacy"))).one();
    }
}
