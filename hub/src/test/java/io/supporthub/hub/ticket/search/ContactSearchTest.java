package io.supporthub.hub.ticket.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.contact.ContactSearchKeys;
import io.supporthub.hub.db.backfill.BackfillQueries;
import io.supporthub.hub.db.backfill.Backfiller;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's side of the search: phone numbers in any written form, emails and their domain, names in any case
 * and with or without accents; through the API (the walk of the newest tickets) and through the word indexes alone.
 */
class ContactSearchTest {

    static TestHub french;
    static TestHub international;

    @BeforeAll
    static void start() {
        french = new TestHub(Map.of("DEFAULT_PHONE_REGION", "FR"), false, Instant.parse("2026-11-02T09:00:00Z"));
        international = new TestHub();
        french.logIn();
        international.logIn();
    }

    @AfterAll
    static void stop() {
        french.close();
        international.close();
    }

    @Test
    void aPhoneInAnyWrittenForm_findsTheCustomersTickets() {
        long paul = ticket(french, "phone-1", "Paul Martin", "paul.martin@acme-corp.fr", "+33612345678", "my parcel");
        long other = ticket(french, "phone-2", "Yann Other", "yann@example.com", "+447911123456", "my parcel too");

        for (String written : List.of("+33 6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "06 12 34 56 78",
                "06.12.34.56.78", "(06) 12-34-56-78", "0612345678", "5678", "345678", "12 34 56 78")) {
            assertThat(searchBothWays(french, written)).as(written).containsExactly(paul);
        }
        assertThat(searchBothWays(french, "+44 7911 123456")).containsExactly(other);
        assertThat(searchBothWays(french, "+33 6 12 34 56 79")).as("another number").isEmpty();
        assertThat(searchBothWays(french, "567")).as("fewer than four last digits").isEmpty();
        assertThat(searchBothWays(french, "06 12 34 56 78 parcel")).as("a phone and a word").containsExactly(paul);
    }

    @Test
    void withoutADefaultRegion_internationalNumbersAndLastDigitsStillFindTheCustomer() {
        long helene = ticket(international, "intl-1", "Hélène Lefèvre", "helene@acme-corp.fr", "+33612345678", "hello");
        long alena = ticket(international, "intl-2", "Алёна Ковалёва", "alena@mail.ru", "+79123456789", "привет");

        for (String written : List.of("+33 6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "5678",
                "06 12 34 56 78", "(06) 12-34-56-78")) {
            assertThat(searchBothWays(international, written)).as(written).containsExactly(helene);
        }
        assertThat(searchBothWays(international, "+7 912 345-67-89")).containsExactly(alena);
        assertThat(searchBothWays(international, "8 912 345-67-89"))
                .as("a Russian national number needs DEFAULT_PHONE_REGION=RU (its trunk prefix is 8)").isEmpty();
    }

    @Test
    void aPhoneReadsInTheDefaultRegion() {
        PhoneNumbers russia = new PhoneNumbers("RU");
        assertThat(SearchTerms.parse("8 912 345-67-89", russia).words()).singleElement()
                .satisfies(word -> assertThat(word.phoneEndings()).contains("79123456789"));
        assertThat(SearchTerms.parse("06 12 34 56 78", new PhoneNumbers("FR")).words()).singleElement()
                .satisfies(word -> {
                    assertThat(word.text()).isEqualTo("+33612345678");
                    assertThat(word.phoneEndings()).containsExactly("33612345678", "612345678");
                });
        assertThat(SearchTerms.parse("06 12 34 56 78").words()).singleElement()
                .satisfies(word -> assertThat(word.phoneEndings()).containsExactly("612345678"));
    }

    @Test
    void aPhoneWrittenInGroups_isOneWord_andTwoNumbersStayTwoWords() {
        assertThat(SearchTerms.parse("+33 6 12 34 56 78").words()).hasSize(1);
        assertThat(SearchTerms.parse("(06) 12-34-56-78 refund").words()).extracting(SearchTerms.Word::text)
                .containsExactly("0612345678", "refund");
        assertThat(SearchTerms.parse("1042 2048").words()).extracting(SearchTerms.Word::ticketNumber)
                .containsExactly(1042L, 2048L);
        assertThat(SearchTerms.parse("#1042").words()).singleElement()
                .satisfies(word -> assertThat(word.phoneEndings()).as("# names a ticket, not a phone").isEmpty());
    }

    @Test
    void aWordOfDigits_stillFindsTheTicketOfThatNumber() {
        long ticket = ticket(french, "digits-1", "Numbered Customer", "numbered@example.com", null, "something");
        long number = french.get("/api/tickets/" + ticket).json().get("number").asLong();
        assertThat(search(french, String.valueOf(number))).contains(ticket);
        assertThat(searchBothWays(french, "#" + number)).containsExactly(ticket);
    }

    @Test
    void anEmail_itsDomain_andItsLocalPart_findTheCustomers() {
        long jane = ticket(french, "mail-1", "Jane Doe", "jane.doe@acme.fr", null, "question");
        long john = ticket(french, "mail-2", "John Roe", "john.roe@acme.fr", null, "question");
        long elsewhere = ticket(french, "mail-3", "Jane Elsewhere", "jane.doe@elsewhere.example", null, "question");

        assertThat(searchBothWays(french, "jane.doe@acme.fr")).containsExactly(jane);
        assertThat(searchBothWays(french, "JANE.DOE@ACME.FR")).as("any case").containsExactly(jane);
        assertThat(searchBothWays(french, "acme.fr")).containsExactlyInAnyOrder(jane, john);
        assertThat(searchBothWays(french, "@acme.fr")).containsExactlyInAnyOrder(jane, john);
        assertThat(searchBothWays(french, "jane.doe")).as("the local part").containsExactlyInAnyOrder(jane, elsewhere);
        assertThat(searchBothWays(french, "jane.doe acme.fr")).containsExactly(jane);
    }

    @Test
    void aName_inAnyCase_withOrWithoutAccents_ёAndеBothWays() {
        long alena = ticket(french, "name-1", "Алёна Ковалёва", "alena@mail.ru", null, "вопрос");
        long artem = ticket(french, "name-2", "Артем Соколов", "artem@mail.ru", null, "вопрос");
        long helene = ticket(french, "name-3", "Hélène Gérard", "hg@orange.fr", null, "question");
        long francois = ticket(french, "name-4", "François Besançon", "fb@orange.fr", null, "question");

        for (String written : List.of("Алёна", "Алена", "алена", "АЛЁНА", "ковалева", "Алена Ковалёва")) {
            assertThat(searchBothWays(french, written)).as(written).containsExactly(alena);
        }
        for (String written : List.of("Артём", "артем", "АРТЁМ")) {
            assertThat(searchBothWays(french, written)).as(written).containsExactly(artem);
        }
        for (String written : List.of("Hélène", "helene", "HELENE", "HÉLÈNE", "gerard", "hélène gérard")) {
            assertThat(searchBothWays(french, written)).as(written).containsExactly(helene);
        }
        for (String written : List.of("François", "francois", "FRANCOIS", "besancon", "Besançon")) {
            assertThat(searchBothWays(french, written)).as(written).containsExactly(francois);
        }
    }

    @Test
    void contactsWrittenBeforeTheKeys_areFoundDuringTheBackfill_andByEveryFormAfterIt_evenAfterARestart() {
        TestHub hub = new TestHub(Map.of("DEFAULT_PHONE_REGION", "FR"), false, Instant.parse("2026-11-02T09:00:00Z"));
        try {
            hub.logIn();
            long first = ticket(hub, "old-1", "Zoé Châtelet", "z.chatelet@acme-corp.fr", "+33687654321", "old question");
            long second = ticket(hub, "old-2", "Фёдор Королёв", "fedor@yandex.ru", "+79001234567", "old question");
            // As a database from before the keys: none on the contacts, and the back-fill not started.
            List<Long> contacts = hub.database.jdbi().withHandle(handle -> {
                handle.execute("update contact set search_keys = null");
                handle.execute("update backfill set next_id = 0, end_id = null, rows_filled = 0, started_at = null, "
                        + "updated_at = null, finished_at = null where name = ?", ContactSearchKeys.BACKFILL);
                return handle.select("select id from contact order by id").mapTo(Long.class).list();
            });
            assertThat(contacts).hasSize(2);

            // During: found as before the keys (the words as written), in both ways of the search.
            assertThat(searchBothWays(hub, "z.chatelet@acme-corp.fr")).containsExactly(first);
            assertThat(searchBothWays(hub, "Фёдор")).containsExactly(second);
            assertThat(searchBothWays(hub, "+79001234567")).containsExactly(second);
            assertThat(searchBothWays(hub, "zoe")).as("no keys yet: not folded").isEmpty();

            // One batch, up to the first contact, then the process stops.
            Backfiller.Settings oneIdABatch = new Backfiller.Settings(1, Duration.ZERO, Duration.ofMillis(20),
                    Duration.ofSeconds(15));
            hub.database.jdbi().useHandle(handle -> handle.execute(
                    "update backfill set next_id = ? where name = ?", contacts.get(0), ContactSearchKeys.BACKFILL));
            Backfiller stopped = new Backfiller(hub.database.jdbi(),
                    Map.of(ContactSearchKeys.BACKFILL, ContactSearchKeys::fill), oneIdABatch, Clock.systemUTC());
            assertThat(stopped.step(ContactSearchKeys.BACKFILL)).isEqualTo(Backfiller.Step.FILLED);
            stopped.close();
            assertThat(searchBothWays(hub, "zoe")).as("filled").containsExactly(first);
            assertThat(searchBothWays(hub, "06 87 65 43 21")).containsExactly(first);
            assertThat(searchBothWays(hub, "федор")).as("not filled yet").isEmpty();
            assertThat(searchBothWays(hub, "Фёдор")).as("still found as written").containsExactly(second);

            // A new process goes on from there to the end.
            new Backfiller(hub.database.jdbi(), Map.of(ContactSearchKeys.BACKFILL, ContactSearchKeys::fill),
                    Backfiller.Settings.DEFAULT, Clock.systemUTC()).runToEnd(ContactSearchKeys.BACKFILL);
            assertThat(searchBothWays(hub, "федор королев")).containsExactly(second);
            assertThat(searchBothWays(hub, "4567")).containsExactly(second);
            assertThat(searchBothWays(hub, "@acme-corp.fr")).containsExactly(first);
            hub.database.jdbi().useHandle(handle -> {
                BackfillQueries.Progress progress = new BackfillQueries(handle).all().stream()
                        .filter(p -> p.name().equals(ContactSearchKeys.BACKFILL)).findFirst().orElseThrow();
                assertThat(progress.finishedAt()).isNotNull();
                assertThat(progress.rowsFilled()).as("each contact filled once").isEqualTo(2);
                assertThat(handle.select("select count(*) from contact where search_keys is null")
                        .mapTo(Long.class).one()).isZero();
            });

            // Written after the keys exist: the write path fills them (a new contact, an address added to it).
            long later = ticket(hub, "new-1", "Noël Müller", "noel@acme-corp.fr", null, "new question");
            assertThat(searchBothWays(hub, "noel muller")).containsExactly(later);
            inboundWithPhone(hub, "new-3", "Noël Müller", "noel@acme-corp.fr", "+33611112222", "call me");
            assertThat(searchBothWays(hub, "06 11 11 22 22")).containsExactly(later);
        } finally {
            hub.close();
        }
    }

    /**
     * The search through the API, through a walk of one ticket then the word indexes, and straight from the rarest
     * word's indexes without a walk; all must agree.
     */
    private static List<Long> searchBothWays(TestHub hub, String q) {
        List<Long> api = search(hub, q);
        PhoneNumbers phones = new PhoneNumbers(hub == international ? null : "FR");
        for (long rareRows : new long[] {TicketSearchQueries.ALWAYS_WALK, Long.MAX_VALUE}) {
            List<Long> indexed = hub.database.jdbi().withHandle(handle -> {
                SearchTerms terms = SearchTerms.parse(q, phones);
                return terms == null ? List.<Long>of() : new TicketSearchQueries(handle, 1, rareRows).newest(terms,
                        new TicketSearchQueries.ListPart("", query -> { }), null, null, 50);
            });
            assertThat(indexed).as("'%s' by the word indexes (walk first: %s)", q,
                    rareRows == TicketSearchQueries.ALWAYS_WALK).containsExactlyElementsOf(api);
        }
        return api;
    }

    private static List<Long> search(TestHub hub, String q) {
        JsonNode page = hub.get("/api/tickets?scope=all&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json();
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static long ticket(TestHub hub, String externalId, String name, String email, String phone, String text) {
        return inboundWithPhone(hub, externalId, name, email, phone, text).json().get("ticketId").asLong();
    }

    private static TestHub.Response inboundWithPhone(TestHub hub, String externalId, String name, String email,
                                                     String phone, String text) {
        Map<String, Object> from = new HashMap<>();
        from.put("name", name);
        from.put("email", email);
        if (phone != null) {
            from.put("phone", phone);
        }
        TestHub.Response response = hub.request("POST", "/api/inbound",
                Map.of("from", from, "externalId", externalId, "text", text), Map.of("X-Api-Key", TestHub.API_KEY));
        assertThat(response.status()).as(response.body()).isLessThan(300);
        return response;
    }
}
