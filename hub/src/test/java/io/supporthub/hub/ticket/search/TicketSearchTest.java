package io.supporthub.hub.ticket.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TicketSearchTest {

    private static final long ALWAYS_WALK = -1;
    private static final long NEVER_WALK = Long.MAX_VALUE;

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
    void findsWhatAgentsType() {
        long ticket = ticket("s-1", "Zoe Marchand", "zoe@shop-mail.example", "My order WM-88213-X arrived broken");
        hub.inbound("s-1b", "Zoe Marchand", "zoe@shop-mail.example", "the box was wet too");
        hub.post("/api/tickets/" + ticket + "/notes", Map.of("text", "supplier looks dubious"));
        attach(ticket, "Invoice_2024-03.pdf");
        long other = ticket("s-2", "Yann Other", "yann@example.com", "Order WM-77777-Y is late, box too");
        long number = hub.get("/api/tickets/" + ticket).json().get("number").asLong();

        assertThat(search("WM-88213-X")).as("a serial with dashes").containsExactly(ticket);
        assertThat(search("wm-88213")).as("the start of a serial").containsExactly(ticket);
        assertThat(search(String.valueOf(number))).as("a ticket number").contains(ticket);
        assertThat(search("#" + number)).as("a ticket number with #").containsExactly(ticket);
        assertThat(search("dubious")).as("an internal note").containsExactly(ticket);
        assertThat(search("invoice")).as("an attachment's file name, by a part").containsExactly(ticket);
        assertThat(search("invoice_2024-03.pdf")).as("an attachment's whole file name").containsExactly(ticket);
        assertThat(search("zoe@shop-mail.example")).as("the customer's email").containsExactly(ticket);
        assertThat(search("ZOE marchand")).as("the customer's name in any case").containsExactly(ticket);
        assertThat(search("box")).containsExactlyInAnyOrder(ticket, other);
        assertThat(search("broken wet")).as("two words in different messages of one ticket mean both")
                .containsExactly(ticket);
        assertThat(search("broken late")).as("two words, each in another ticket").isEmpty();
    }

    @Test
    void theWalkAndTheWordIndexesGiveTheSameNewestFirstPages() {
        List<Long> matching = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long id = ticket("w-" + i, "Walker " + i, "walker" + i + "@example.com",
                    (i % 3 == 0 ? "parcel and label " : "parcel only ") + i);
            ticket("w-other-" + i, "Other " + i, "other" + i + "@example.com", "nothing to see " + i);
            matching.add(0, id);
        }
        SearchTerms parcel = SearchTerms.parse("parcel");
        SearchTerms both = SearchTerms.parse("label parcel");
        List<Long> withLabel = matching.stream().filter(id -> matching.indexOf(id) % 3 == 2).toList();
        for (int walk : new int[] {1, 2, 3, 5, 1000}) {
            assertThat(pages(parcel, walk, ALWAYS_WALK, 2)).as("walk of %d", walk).containsExactlyElementsOf(matching);
            assertThat(pages(both, walk, ALWAYS_WALK, 2)).as("two words, walk of %d", walk)
                    .containsExactlyElementsOf(withLabel);
        }
        assertThat(pages(parcel, 1000, NEVER_WALK, 2)).as("straight to the indexes").containsExactlyElementsOf(matching);
        assertThat(pages(both, 1000, NEVER_WALK, 2)).as("two words, from the rarer one's indexes")
                .containsExactlyElementsOf(withLabel);
    }

    @Test
    void aWalkTenTimesAsLong_startsWhereTheFirstWalkEnded() {
        // Every third ticket matches: a walk of 3 finds one of a page of 4, which promises the page within a walk
        // of 30 (the widening), which must go on from the first walk's end, not from the list's cursor.
        List<Long> matching = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long id = ticket("wide-" + i, "Wide " + i, "wide" + i + "@example.com",
                    (i % 3 == 0 ? "narwhal " : "dolphin ") + i);
            if (i % 3 == 0) {
                matching.add(0, id);
            }
        }
        assertThat(pages(SearchTerms.parse("narwhal"), 3, ALWAYS_WALK, 4)).containsExactlyElementsOf(matching);
        assertThat(pages(SearchTerms.parse("narwhal"), 3, ALWAYS_WALK, 2)).containsExactlyElementsOf(matching);
    }

    @Test
    void pagingHasNoGapsOrRepeatsWhileMessagesArrive() {
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            before.add(0, ticket("p-" + i, "Pager " + i, "pager" + i + "@example.com", "courier question " + i));
        }
        List<Long> seen = new ArrayList<>();
        String next = null;
        int page = 0;
        do {
            JsonNode answer = hub.get("/api/tickets?q=courier&limit=3" + (next == null ? "" : "&after=" + next)).json();
            answer.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            next = answer.get("next").isNull() ? null : answer.get("next").asText();
            // Meanwhile: a seen ticket gets an answer (it moves to the top, above the cursor) and a new one opens.
            hub.inbound("p-again-" + page, "Pager 7", "pager7@example.com", "courier still missing");
            ticket("p-new-" + page, "Newcomer " + page, "newcomer" + page + "@example.com", "courier new " + page);
            page++;
        } while (next != null);
        assertThat(seen).containsExactlyElementsOf(before);
    }

    @Test
    void scopeAll_searchesEveryTicket_andTheSearchBoxSaysWhichViewItSearches() {
        long resolved = ticket("sc-1", "Scoper", "scoper@example.com", "quokka sighting");
        hub.post("/api/tickets/" + resolved + "/status", Map.of("status", "resolved"));
        assertThat(ids(hub.get("/api/tickets?status=open,awaiting_reply&q=quokka").json())).isEmpty();
        assertThat(ids(hub.get("/api/tickets?status=open,awaiting_reply&q=quokka&scope=view").json())).isEmpty();
        assertThat(ids(hub.get("/api/tickets?status=open,awaiting_reply&q=quokka&scope=all").json())).containsExactly(resolved);
        TestHub.Response wrong = hub.get("/api/tickets?q=quokka&scope=everywhere");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").asText()).isNotBlank();

        String inView = hub.get("/?view=open&q=quokka").body();
        assertThat(inView).contains("placeholder=\"Search All open:").contains("In All open").doesNotContain("quokka sighting");
        String everywhere = hub.get("/?view=open&q=quokka&scope=all").body();
        assertThat(everywhere).contains("quokka sighting").contains("value=\"all\" selected");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private List<Long> pages(SearchTerms terms, int walk, long rareRows, int limit) {
        return hub.database.jdbi().withHandle(handle -> {
            TicketSearchQueries queries = new TicketSearchQueries(handle, walk, rareRows);
            // Binds the list's cursor as the inbox's list part does (TicketConditions), with no condition on it.
            TicketSearchQueries.ListPart all = new TicketSearchQueries.ListPart("",
                    query -> query.bind("afterAt", (Object) null).bind("afterId", (Object) null));
            List<Long> ids = new ArrayList<>();
            List<Long> page = queries.newest(terms, all, null, null, limit);
            while (!page.isEmpty()) {
                ids.addAll(page);
                long last = page.get(page.size() - 1);
                var at = handle.select("select last_message_at from ticket where id = ?", last)
                        .mapTo(java.time.Instant.class).one();
                page = queries.newest(terms, all, at, last, limit);
            }
            return ids;
        });
    }

    private static void attach(long ticketId, String fileName) {
        hub.database.jdbi().useHandle(handle -> handle.execute("insert into attachment (message_id, file_name, "
                + "content_type, size_bytes, data, created_at) select min(id), ?, 'application/pdf', 3, '\\x010203', now() "
                + "from message where ticket_id = ?", fileName, ticketId));
    }

    private static long ticket(String id, String name, String email, String text) {
        return hub.inbound(id, name, email, text).json().get("ticketId").asLong();
    }

    private static List<Long> search(String q) {
        return ids(hub.get("/api/tickets?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json());
    }
}
