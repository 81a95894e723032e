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

/** Words of messages, notes and subjects are found in any case, with or without accents, and by their stems. */
class SearchWordFormsTest {

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
    void accents_areFoundWithOrWithout_bothWays() {
        long accented = ticket("a-1", "Le café était froid et la fenêtre cassée, garçon à l'hôtel, très déçu, cœur brisé");
        long plain = ticket("a-2", "Cafe tiede, fenetre ouverte, garcon a l'hotel, tres decu, coeur leger");

        assertThat(search("cafe")).as("cafe finds café").contains(accented);
        assertThat(search("café")).as("café finds cafe").containsExactlyInAnyOrder(accented, plain);
        for (String word : List.of("fenetre", "fenêtre", "garcon", "garçon", "hotel", "hôtel", "tres", "très",
                "decu", "déçu", "coeur", "cœur")) {
            assertThat(search(word)).as(word).containsExactlyInAnyOrder(accented, plain);
        }
        assertThat(search("CAFÉ FROID")).as("upper case, accents, two words").containsExactly(accented);
        assertThat(search("ÉTAIT")).containsExactly(accented);
        assertThat(search("cassee")).containsExactly(accented);

        long decomposed = ticket("a-3", java.text.Normalizer.normalize("Éléonore a reçu", java.text.Normalizer.Form.NFD));
        assertThat(search("eleonore")).as("accents written apart (NFD)").containsExactly(decomposed);
        assertThat(search("Éléonore")).containsExactly(decomposed);
        assertThat(search("recu")).contains(decomposed);
    }

    @Test
    void russianYo_isFoundAsYe_bothWays_inAnyCase() {
        long yo = ticket("r-1", "Ёлка упала, всё разбито");
        long ye = ticket("r-2", "Елка стоит, все хорошо");

        assertThat(search("ёлка")).containsExactlyInAnyOrder(yo, ye);
        assertThat(search("елка")).containsExactlyInAnyOrder(yo, ye);
        assertThat(search("ЁЛКА")).containsExactlyInAnyOrder(yo, ye);
        assertThat(search("разбито")).containsExactly(yo);
        assertThat(search("РАЗБИТО")).containsExactly(yo);

        long yot = ticket("r-3", "Мой йогурт");
        assertThat(search("йогурт")).containsExactly(yot);
        assertThat(search("иогурт")).as("й is a letter of its own, not и with an accent").isEmpty();
    }

    @Test
    void wordForms_areFoundByTheirStems_inEnglishRussianAndFrench() {
        long english = ticket("st-1", "I asked for a refund last week");
        long englishForms = ticket("st-2", "They refunded me twice");
        long russian = ticket("st-3", "Где мой заказ?");
        long russianForms = ticket("st-4", "Оба заказа пропали");
        long french = ticket("st-5", "Ma commande n'est jamais arrivée");
        long frenchForms = ticket("st-6", "Mes commandes précédentes aussi");

        assertThat(search("refunds")).containsExactlyInAnyOrder(english, englishForms);
        assertThat(search("refunded")).containsExactlyInAnyOrder(english, englishForms);
        assertThat(search("refund")).containsExactlyInAnyOrder(english, englishForms);
        assertThat(search("заказы")).containsExactlyInAnyOrder(russian, russianForms);
        assertThat(search("заказ")).containsExactlyInAnyOrder(russian, russianForms);
        assertThat(search("commandes")).containsExactlyInAnyOrder(french, frenchForms);
        assertThat(search("commande")).containsExactlyInAnyOrder(french, frenchForms);
        assertThat(search("arrivee")).as("a stem and no accent").containsExactly(french);
    }

    @Test
    void exactWords_andSerials_stayExact() {
        long serial = ticket("x-1", "Device WM-55120-Q died, my car keys are inside");
        long cards = ticket("x-2", "Two cards were charged, order 77-1042/B");
        long other = ticket("x-3", "Device WM-55999-Q works fine");

        assertThat(search("WM-55120-Q")).containsExactly(serial);
        assertThat(search("wm-55120")).containsExactly(serial);
        assertThat(search("77-1042/B")).containsExactly(cards);
        assertThat(search("cards")).as("cards, not car").containsExactly(cards);
        assertThat(search("cars")).as("the stem of cars is car").containsExactly(serial);
        assertThat(search("cart")).isEmpty();
        assertThat(search("keyed")).as("keyed and keys share their stem").containsExactly(serial);
        assertThat(search("carpet")).isEmpty();
        assertThat(search("car")).as("a prefix finds longer words, as before").containsExactlyInAnyOrder(serial, cards);
        assertThat(search("device")).containsExactlyInAnyOrder(serial, other);
        assertThat(search("refusal")).isEmpty();
    }

    @Test
    void notesAndSubjects_areFolded_andStemmed_too() {
        long ticket = ticket("n-1", "Bonjour");
        hub.post("/api/tickets/" + ticket + "/notes", Map.of("text", "Reçu signé par le fournisseur"));
        long subject = hub.request("POST", "/api/inbound", Map.of("from", Map.of("name", "Sujet", "email", "sujet@example.com"),
                        "externalId", "n-2", "subject", "Problème de facturation", "text", "rien"),
                Map.of("X-Api-Key", TestHub.API_KEY)).json().get("ticketId").asLong();

        assertThat(search("recu")).as("a note, without its accent").containsExactly(ticket);
        assertThat(search("SIGNE")).containsExactly(ticket);
        assertThat(search("probleme")).as("a subject, without its accent").containsExactly(subject);
        assertThat(search("facturations")).as("a subject's word by its stem").containsExactly(subject);

        hub.patch("/api/tickets/" + subject, Map.of("subject", "Écran noir"));
        assertThat(search("ecran")).as("the new subject").containsExactly(subject);
        assertThat(search("probleme")).as("the old subject still finds it").containsExactly(subject);
    }

    @Test
    void anEditedMessage_isFoundByItsNewWords() {
        long ticket = ticket("e-1", "Hello");
        long again = hub.inbound("e-2", "Customer e-1", "e-1@example.com", "typo in my mesage").json().get("ticketId").asLong();
        assertThat(again).isEqualTo(ticket);
        assertThat(search("mesage")).containsExactly(ticket);
        hub.database.jdbi().useHandle(handle -> handle.execute(
                "update message set text = 'Réparé: my message' where ticket_id = ? and text like 'typo%'", ticket));

        assertThat(search("repare")).containsExactly(ticket);
        assertThat(search("mesage")).isEmpty();
    }

    private static long ticket(String externalId, String text) {
        return hub.inbound(externalId, "Customer " + externalId, externalId + "@example.com", text).json()
                .get("ticketId").asLong();
    }

    static List<Long> search(String q) {
        JsonNode page = hub.get("/api/tickets?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json();
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
