package io.supporthub.hub.ticket.search;

import io.supporthub.hub.contact.ContactSearchKeys;
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

    /** The expression of the index attachment_name_search: a file name and its parts between dots, dashes, underscores. */
    private static final String FILE_NAME_WORDS = "to_tsvector('simple', a.file_name || ' ' || translate(a.file_name, '._-', '   '))";

    private final Handle handle;
    private final int walk;
    private final Map<SearchTerms.Word, String> contactQueries = new HashMap<>();

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

    /** Ids of the tickets after the cursor that pass the list's conditions and contain every word, newest first. */
    public List<Long> newest(SearchTerms terms, ListPart list, Instant afterAt, Long afterId, int limit) {
        List<String> tsQueries = terms.words().stream().map(w -> prefixQuery(w.text())).toList();
        for (int i = 0; i < tsQueries.size(); i++) {
            if (tsQueries.get(i) == null && terms.words().get(i).ticketNumber() == null) {
                return List.of();
            }
        }
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
        return from == null ? "" : "and (t.last_message_at, t.id) < (:afterAt, :afterId) ";
    }

    private List<Position> walk(SearchTerms terms, List<String> tsQueries, ListPart list, Position from, int length,
                                int limit) {
        StringBuilder sql = new StringBuilder("select w.id, w.last_message_at from (select t.id, t.last_message_at, "
                + "t.contact_id, t.search, t.number from ticket t " + "where true " + list.conditions()
                + after(from) + "order by t.last_message_at desc, t.id desc limit :walk) w where true ");
        for (int i = 0; i < tsQueries.size(); i++) {
            List<String> tests = new ArrayList<>();
            if (tsQueries.get(i) != null) {
                String q = "to_tsquery('simple', :q" + i + ")";
                tests.add("w.search @@ " + q);
                tests.add(anyRow("message m where m.ticket_id = w.id and m.search @@ " + q));
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

    /** The tickets older than the boundary that contain every word, from the word indexes. */
    private List<Long> indexed(SearchTerms terms, List<String> tsQueries, ListPart list, Position boundary, int limit) {
        StringBuilder sql = new StringBuilder("select t.id from ticket t " + "where true "
                + list.conditions() + "and (t.last_message_at, t.id) < (:boundaryAt, :boundaryId) ");
        for (int i = 0; i < tsQueries.size(); i++) {
            List<String> sources = new ArrayList<>();
            if (tsQueries.get(i) != null) {
                String q = "to_tsquery('simple', :q" + i + ")";
                sources.add("select id from ticket where search @@ " + q);
                // One branch per partial index: public messages, internal notes.
                sources.add("select ticket_id from message where visibility = 'public' and search @@ " + q);
                sources.add("select ticket_id from message where visibility = 'internal' and search @@ " + q);
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
        query.bind("afterAt", from == null ? null : from.lastMessageAt()).bind("afterId", from == null ? null : from.id());
    }

    private void bindWords(Query query, SearchTerms terms, List<String> tsQueries) {
        for (int i = 0; i < tsQueries.size(); i++) {
            query.bind("q" + i, tsQueries.get(i));
            query.bind("n" + i, terms.words().get(i).ticketNumber());
            query.bind("c" + i, contactQuery(terms.words().get(i)));
        }
    }

    /**
     * The test of a walked ticket's customer against word {@code i}: the words of its name and addresses as written
     * ({@code search}), or its keys ({@code search_keys}: folded name, email parts, phone endings), which contacts
     * written before the keys existed lack until the back-fill reaches them.
     */
    private static String contactTest(int i, String q) {
        return anyRow("contact c where c.id = w.contact_id and (c.search @@ " + q
                + " or c.search_keys @@ cast(:c" + i + " as tsquery))");
    }

    /** The tickets of the customers matching word {@code i}, by the contacts' two word indexes. */
    private static String contactSource(int i, String q) {
        return "select tk.id from contact cs join ticket tk on tk.contact_id = cs.id where cs.search @@ " + q
                + " or cs.search_keys @@ cast(:c" + i + " as tsquery)";
    }

    /**
     * The query of a word against the contacts' keys ({@link io.supporthub.hub.contact.ContactSearchKeys}): its folded
     * lexemes as prefixes, or a phone's ending; computed once a word.
     */
    private String contactQuery(SearchTerms.Word word) {
        return contactQueries.computeIfAbsent(word, w -> {
            List<String> alternatives = new ArrayList<>();
            handle.createQuery("select string_agg(quote_literal(lexeme) || ':*', ' & ') "
                            + "from unnest(to_tsvector('simple', contact_fold(:word)))")
                    .bind("word", w.text()).mapTo(String.class).findOne().ifPresent(q -> alternatives.add("(" + q + ")"));
            for (String ending : w.phoneEndings()) {
                alternatives.add("'" + ContactSearchKeys.PHONE_MARK + new StringBuilder(ending).reverse() + "':*");
            }
            return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
        });
    }

    /**
     * A prefix query of the word's lexemes as the 'simple' parser makes them in the indexed text ({@code WM-88213-X}
     * becomes {@code wm}, {@code -88213} and {@code x}), so that a serial is found however the parser split it.
     */
    private String prefixQuery(String word) {
        return handle.createQuery("select string_agg(quote_literal(lexeme) || ':*', ' & ') "
                        + "from unnest(to_tsvector('simple', :word))")
                .bind("word", word).mapTo(String.class).findOne().orElse(null);
    }
}
