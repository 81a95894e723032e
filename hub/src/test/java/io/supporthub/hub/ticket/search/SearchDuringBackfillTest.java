package io.supporthub.hub.ticket.search;

import io.supporthub.hub.db.backfill.Backfiller;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database from before the word columns: its messages and tickets have no words yet. Search finds them all the
 * same while the back-fill runs, finds them by every word form once it is done, and then reads only the new columns.
 */
class SearchDuringBackfillTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @BeforeEach
    void logIn() {
        hub.logIn();
    }

    @Test
    void rowsNotBackfilledYet_areFoundByTheOldColumns_andEveryRowByItsForms_onceDone() {
        List<Long> old = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long ticket = hub.inbound("old-" + i, "Ancien " + i, "ancien" + i + "@example.com",
                    "Ma commande " + i + " est arrivée abîmée").json().get("ticketId").asLong();
            hub.post("/api/tickets/" + ticket + "/notes", Map.of("text", "Vérifié par l'entrepôt " + i));
            old.add(0, ticket);
        }
        // As before the migration: no words anywhere, and the back-fills to do from the start.
        hub.database.jdbi().useHandle(handle -> {
            handle.execute("update message set words = null");
            handle.execute("update ticket set words = null");
            handle.execute("update backfill set next_id = 0, end_id = null, rows_filled = 0, started_at = null, "
                    + "finished_at = null where name in ('message_words', 'ticket_words')");
        });
        long written = hub.inbound("new-1", "Nouveau", "nouveau@example.com", "Ma commande est arrivée abîmée")
                .json().get("ticketId").asLong();
        List<Long> all = new ArrayList<>(old);
        all.add(0, written);

        assertThat(search("arrivée")).as("the old column, before the back-fill").containsExactlyElementsOf(all);
        assertThat(search("vérifié")).as("notes, before the back-fill").containsExactlyElementsOf(old);
        assertThat(search("abimee")).as("only the new row is folded yet").containsExactly(written);

        // Batches of ten ids until a few of these rows are filled, others not yet, then a restart.
        Backfiller.Settings tiny = new Backfiller.Settings(10, Duration.ZERO, Duration.ofMillis(10), Duration.ofSeconds(15));
        Backfiller first = new Backfiller(hub.database.jdbi(), Map.of(), tiny, Clock.systemUTC());
        while (count("message where words is not null and text like 'Ma commande _ %'") < 3) {
            assertThat(first.step("message_words")).isEqualTo(Backfiller.Step.FILLED);
        }
        first.close();
        assertThat(count("message where words is null")).isPositive();
        assertThat(count("message where words is not null")).isGreaterThan(1);
        assertThat(search("arrivée")).as("during the back-fill").containsExactlyElementsOf(all);
        assertThat(search("arrivee abîmée")).as("two words, during the back-fill").containsAll(List.of(written));
        assertThat(search("vérifié")).as("notes, during the back-fill").containsExactlyElementsOf(old);
        assertThat(byTheIndexes("arrivée")).as("the word indexes, during the back-fill").containsExactlyElementsOf(all);
        assertThat(byTheIndexes("vérifié")).as("the notes' index, during the back-fill").containsExactlyElementsOf(old);
        assertThat(byTheIndexes("abimee")).as("folded: the rows back-filled and the new one, not the others yet")
                .contains(written).hasSize((int) count("ticket t where exists (select 1 from message m "
                        + "where m.ticket_id = t.id and m.words @@ search_query('abimee'))")).hasSizeLessThan(all.size());

        Backfiller second = new Backfiller(hub.database.jdbi(), Map.of(), tiny, Clock.systemUTC());
        second.runToEnd("message_words");
        second.runToEnd("ticket_words");

        assertThat(count("message where words is null")).isZero();
        assertThat(count("ticket where words is null")).isZero();
        assertThat(count("backfill where finished_at is null")).isZero();
        assertThat(search("abimee")).as("every row folded, once done").containsExactlyElementsOf(all);
        assertThat(search("commandes")).as("and stemmed").containsExactlyElementsOf(all);
        assertThat(search("verifie")).as("notes too").containsExactlyElementsOf(old);
        assertThat(byTheIndexes("abimee")).containsExactlyElementsOf(all);
        assertThat(byTheIndexes("verifie")).containsExactlyElementsOf(old);
        assertThat(count("ticket where words @@ search_query('abimee')")).as("subjects too").isEqualTo(all.size());

        // Done, the search reads only the new columns: a row whose words are emptied is no longer found.
        long emptied = old.get(0);
        hub.database.jdbi().useHandle(handle -> {
            handle.execute("update message set words = '' where ticket_id = ?", emptied);
            handle.execute("update ticket set words = '' where id = ?", emptied);
        });
        assertThat(search("arrivée")).doesNotContain(emptied).hasSize(all.size() - 1);
        assertThat(byTheIndexes("arrivée")).doesNotContain(emptied).hasSize(all.size() - 1);
    }

    @Test
    void pagingThroughResults_whileTheBackfillRunsAndMessagesArrive_hasNoGapsOrRepeats() {
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            before.add(0, hub.inbound("page-" + i, "Paginé " + i, "pagine" + i + "@example.com",
                    "Le colis " + i + " est perdu").json().get("ticketId").asLong());
        }
        hub.database.jdbi().useHandle(handle -> {
            handle.execute("update message set words = null");
            handle.execute("update ticket set words = null");
            handle.execute("update backfill set next_id = 0, end_id = null, rows_filled = 0, started_at = null, "
                    + "finished_at = null where name in ('message_words', 'ticket_words')");
        });
        Backfiller.Settings tiny = new Backfiller.Settings(1, Duration.ZERO, Duration.ofMillis(10), Duration.ofSeconds(15));
        Backfiller backfiller = new Backfiller(hub.database.jdbi(), Map.of(), tiny, Clock.systemUTC());
        List<Long> seen = new ArrayList<>();
        String next = null;
        int page = 0;
        do {
            var answer = hub.get("/api/tickets?q=colis&limit=2" + (next == null ? "" : "&after=" + next)).json();
            answer.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            next = answer.get("next").isNull() ? null : answer.get("next").asText();
            // Meanwhile: a few batches, a seen ticket answered again (it moves above the cursor), a new ticket.
            backfiller.step("message_words");
            backfiller.step("ticket_words");
            hub.inbound("page-again-" + page, "Paginé 8", "pagine8@example.com", "colis toujours perdu");
            hub.inbound("page-new-" + page, "Nouveau " + page, "nouveau" + page + "@example.com", "colis neuf " + page);
            page++;
        } while (next != null);

        assertThat(seen).containsExactlyElementsOf(before);
        assertThat(count("backfill where finished_at is null")).as("the back-fill was still running").isPositive();
    }

    private static List<Long> search(String q) {
        List<Long> ids = new ArrayList<>();
        hub.get("/api/tickets?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().get("items")
                .forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /**
     * The search with a walk of one ticket, so that all but the newest match come from the word indexes; and straight
     * from the rarest word's indexes without a walk (as a rare word is searched), which must find the same.
     */
    private static List<Long> byTheIndexes(String q) {
        List<Long> walked = search(q, 1, TicketSearchQueries.ALWAYS_WALK);
        assertThat(search(q, 1, Long.MAX_VALUE)).as("'%s' straight from the indexes", q).containsExactlyElementsOf(walked);
        return walked;
    }

    private static List<Long> search(String q, int walk, long rareRows) {
        return hub.database.jdbi().withHandle(handle -> new TicketSearchQueries(handle, walk, rareRows)
                .newest(SearchTerms.parse(q), new TicketSearchQueries.ListPart("", query -> { }), null, null, 100));
    }

    private static long count(String fromWhere) {
        return hub.database.jdbi().withHandle(handle -> handle.select("select count(*) from " + fromWhere)
                .mapTo(Long.class).one());
    }
}
