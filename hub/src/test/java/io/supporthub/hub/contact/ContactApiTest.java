package io.supporthub.hub.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contacts API against PostgreSQL: creating, the card (every ticket, newest first), changes of name, company,
 * manager, observers and notes, addresses (phones in E.164 read in the default region, emails lower-cased, another
 * contact's address refused with its id), the list and search, each change on the card's history, and who may open
 * which card.
 */
class ContactApiTest {

    static TestHub hub;
    static long adminId;
    static String specialistToken;
    static long specialistId;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("DEFAULT_PHONE_REGION", "FR"), false, Instant.parse("2026-11-02T09:00:00Z"));
        hub.logIn();
        adminId = hub.get("/api/session").json().get("id").asLong();
        specialistId = hub.post("/api/agents", Map.of("email", "spec@test.local", "name", "Sid Specialist",
                "password", "a long enough password", "role", "specialist")).json().get("id").asLong();
        specialistToken = hub.post("/api/agents/" + specialistId + "/token", Map.of()).json().get("token").asText();
        // Out of every group, so that only the relation under test opens a card.
        sql("delete from agent_group_member where agent_id = " + specialistId);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static void sql(String statement) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.execute(statement));
    }

    static TestHub.Response asSpecialist(String method, String path, Object body) {
        return hub.request(method, path, body, Map.of("Authorization", "Bearer " + specialistToken));
    }

    static JsonNode create(Map<String, Object> body) {
        TestHub.Response created = hub.post("/api/contacts", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static long company(String name) {
        return hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createQuery(
                "insert into company (name) values (:name) returning id").bind("name", name).mapTo(Long.class).one());
    }

    static List<String> kinds(JsonNode card) {
        List<String> kinds = new ArrayList<>();
        card.get("history").forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }

    static List<String> addresses(JsonNode card) {
        List<String> values = new ArrayList<>();
        card.get("addresses").forEach(a -> values.add(a.get("kind").asText() + ":" + a.get("value").asText()));
        return values;
    }

    static TestHub.Response inbound(String externalId, String name, String email, String text) {
        return hub.inbound(externalId, name, email, text);
    }

    @Test
    void creating_a_contact_stores_its_email_lower_cased_and_phone_in_E164_and_writes_the_created_event() {
        JsonNode card = create(Map.of("name", "Ada Created", "email", "Ada.Created@Example.COM", "phone", "06 12 34 56 01"));
        assertThat(card.get("name").asText()).isEqualTo("Ada Created");
        assertThat(addresses(card)).containsExactlyInAnyOrder("email:ada.created@example.com", "phone:+33612345601");
        assertThat(card.get("company").isNull()).isTrue();
        assertThat(card.get("tickets")).isEmpty();
        assertThat(kinds(card)).containsExactly("created");
        assertThat(card.get("history").get(0).get("actor").get("id").asLong()).isEqualTo(adminId);

        JsonNode again = hub.get("/api/contacts/" + card.get("id").asLong()).json();
        assertThat(addresses(again)).isEqualTo(addresses(card));

        long acme = company("Acme Created");
        JsonNode inCompany = create(Map.of("name", "Bea Company", "companyId", acme));
        assertThat(inCompany.get("company").get("id").asLong()).isEqualTo(acme);
        assertThat(inCompany.get("companySource").asText()).isEqualTo("person");

        assertThat(hub.post("/api/contacts", Map.of()).status()).as("no name, no address").isEqualTo(400);
        assertThat(hub.post("/api/contacts", Map.of("email", "not an email")).status()).isEqualTo(422);
        assertThat(hub.post("/api/contacts", Map.of("phone", "12")).status()).isEqualTo(422);
        TestHub.Response taken = hub.post("/api/contacts", Map.of("name", "Copy", "phone", "+33 6 12 34 56 01"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("error").asText()).isEqualTo("address_taken");
        assertThat(taken.json().get("contactId").asLong()).isEqualTo(card.get("id").asLong());
    }

    @Test
    void the_card_shows_every_ticket_of_the_contact_newest_first() {
        long first = inbound("card-1", "Carl Card", "carl@example.com", "First problem").json().get("ticketId").asLong();
        hub.clock.advance(Duration.ofMinutes(5));
        long contact = hub.get("/api/tickets/" + first).json().get("contact").get("id").asLong();
        long second = hub.post("/api/tickets", Map.of("subject", "Second problem", "text", "By phone",
                "contact", Map.of("id", contact))).json().get("id").asLong();
        hub.clock.advance(Duration.ofMinutes(5));
        long third = hub.post("/api/tickets", Map.of("subject", "Called about a refund", "text", "Wants a refund",
                "contact", Map.of("id", contact))).json().get("id").asLong();

        JsonNode card = hub.get("/api/contacts/" + contact).json();
        List<Long> ids = new ArrayList<>();
        card.get("tickets").forEach(t -> ids.add(t.get("id").asLong()));
        assertThat(ids).containsExactly(third, second, first);
        assertThat(card.get("ticketCount").asLong()).isEqualTo(3);
        JsonNode newest = card.get("tickets").get(0);
        assertThat(newest.get("subject").asText()).isEqualTo("Called about a refund");
        assertThat(newest.get("status").asText()).isNotBlank();
        assertThat(newest.get("channel").asText()).isNotBlank();
        assertThat(newest.get("lastMessageAt").asText()).isNotBlank();
        assertThat(card.get("ticketsNext").isNull()).isTrue();

        assertThat(hub.get("/api/contacts/999999").status()).isEqualTo(404);
        assertThat(hub.get("/api/contacts/nope").status()).isEqualTo(404);
    }

    @Test
    void patching_name_company_manager_observers_and_notes_changes_the_card_and_its_history() {
        long id = create(Map.of("name", "Dora Draft", "email", "dora@example.com")).get("id").asLong();
        long acme = company("Acme Patch");
        long group = hub.post("/api/groups", Map.of("name", "Contact watchers")).json().get("id").asLong();

        Map<String, Object> body = new HashMap<>();
        body.put("name", "Dora Final");
        body.put("companyId", acme);
        body.put("manager", Map.of("agentId", specialistId));
        body.put("observers", List.of(Map.of("kind", "agent", "id", adminId), Map.of("kind", "group", "id", group)));
        body.put("notes", "Prefers phone calls");
        TestHub.Response patched = hub.patch("/api/contacts/" + id, body);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode card = patched.json();
        assertThat(card.get("name").asText()).isEqualTo("Dora Final");
        assertThat(card.get("company").get("name").asText()).isEqualTo("Acme Patch");
        assertThat(card.get("companySource").asText()).isEqualTo("person");
        assertThat(card.get("manager").get("agentId").asLong()).isEqualTo(specialistId);
        List<String> observers = new ArrayList<>();
        card.get("observers").forEach(o -> observers.add(o.get("kind").asText() + ":" + o.get("id").asLong() + ":" + o.get("name").asText()));
        String adminName = hub.get("/api/session").json().get("name").asText();
        assertThat(observers).containsExactly("agent:" + adminId + ":" + adminName, "group:" + group + ":Contact watchers");
        assertThat(card.get("notes").asText()).isEqualTo("Prefers phone calls");
        assertThat(kinds(card)).containsExactly("notes_changed", "observers_changed", "manager_changed", "company_changed",
                "renamed", "created");
        assertThat(card.get("history").get(4).get("detail").get("from").asText()).isEqualTo("Dora Draft");

        TestHub.Response again = hub.patch("/api/contacts/" + id, body);
        assertThat(kinds(again.json())).as("the same values change nothing").hasSize(6);

        Map<String, Object> privatePerson = new HashMap<>();
        privatePerson.put("companyId", null);
        privatePerson.put("manager", Map.of("groupId", group));
        JsonNode priv = hub.patch("/api/contacts/" + id, privatePerson).json();
        assertThat(priv.get("company").isNull()).isTrue();
        assertThat(priv.get("companySource").isNull()).isTrue();
        assertThat(priv.get("manager").get("groupId").asLong()).isEqualTo(group);
        assertThat(priv.get("history").get(1).get("detail").get("to").isNull()).as("company_changed to none").isTrue();
        // The search finds the contact by its new name.
        assertThat(hub.get("/api/contacts?q=dora%20final").json().get("items").get(0).get("id").asLong()).isEqualTo(id);

        assertThat(hub.patch("/api/contacts/" + id, Map.of("companyId", 999999)).status()).isEqualTo(422);
        assertThat(hub.patch("/api/contacts/" + id, Map.of("manager", Map.of("agentId", 1, "groupId", group))).status()).isEqualTo(400);
        assertThat(hub.patch("/api/contacts/" + id, Map.of("name", " ")).status()).isEqualTo(400);
        assertThat(hub.patch("/api/contacts/999999", Map.of("name", "X")).status()).isEqualTo(404);
    }

    @Test
    void phones_are_stored_in_E164_with_the_default_region_emails_lower_cased_and_the_same_address_twice_changes_nothing() {
        long id = create(Map.of("name", "Eve Phones")).get("id").asLong();
        TestHub.Response international = hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "phone", "value", "+33 6 12 34 56 78"));
        assertThat(international.status()).as(international.body()).isEqualTo(201);
        assertThat(addresses(international.json())).containsExactly("phone:+33612345678");

        TestHub.Response national = hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "phone", "value", "06 12 34 56 78"));
        assertThat(national.status()).as("the same number written in the default region: idempotent").isEqualTo(200);
        assertThat(addresses(national.json())).containsExactly("phone:+33612345678");

        TestHub.Response invalid = hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "phone", "value", "12345"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("error").asText()).isEqualTo("unprocessable");
        assertThat(invalid.json().get("message").asText()).contains("12345");

        TestHub.Response email = hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "email", "value", " Eve@Example.COM "));
        assertThat(email.status()).isEqualTo(201);
        assertThat(addresses(email.json())).contains("email:eve@example.com");
        assertThat(hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "email", "value", "eve@@example")).status()).isEqualTo(422);
        assertThat(hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "telegram", "value", "12345678")).status()).isEqualTo(201);
        assertThat(hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "telegram", "value", "@eve")).status()).isEqualTo(422);
        assertThat(hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "fax", "value", "1")).status()).isEqualTo(400);
        assertThat(hub.post("/api/contacts/" + id + "/addresses", Map.of("kind", "phone")).status()).isEqualTo(400);

        long other = create(Map.of("name", "Frank Other")).get("id").asLong();
        TestHub.Response taken = hub.post("/api/contacts/" + other + "/addresses", Map.of("kind", "phone", "value", "0612345678"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("error").asText()).isEqualTo("address_taken");
        assertThat(taken.json().get("contactId").asLong()).isEqualTo(id);
        assertThat(addresses(hub.get("/api/contacts/" + other).json())).isEmpty();

        JsonNode card = hub.get("/api/contacts/" + id).json();
        assertThat(kinds(card)).containsExactly("address_added", "address_added", "address_added", "created");
        assertThat(card.get("history").get(1).get("detail").get("value").asText()).isEqualTo("eve@example.com");
        // A phone's digits find the contact, in any written form: national with the default region, spaced, its end.
        for (String typed : List.of("612345678", "06 12 34 56 78", "+33 6 12 34 56 78", "0612345678", "5678")) {
            assertThat(ids(hub.get("/api/contacts?q=" + java.net.URLEncoder.encode(typed,
                    java.nio.charset.StandardCharsets.UTF_8)).json())).as(typed).contains(id).doesNotContain(other);
        }
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void theSearch_findsANameInAnyCaseAndWithoutAccents_anEmailByItsParts_andEveryWordMustMatch() {
        long helene = create(Map.of("name", "Hélène Ézé", "email", "h.eze@atelier-lyon.fr")).get("id").asLong();
        long other = create(Map.of("name", "Helen Other", "email", "helen@example.com")).get("id").asLong();
        assertThat(ids(hub.get("/api/contacts?q=helene").json())).contains(helene).doesNotContain(other);
        assertThat(ids(hub.get("/api/contacts?q=HÉLÈNE%20eze").json())).containsExactly(helene);
        assertThat(ids(hub.get("/api/contacts?q=helen").json())).contains(helene, other);
        assertThat(ids(hub.get("/api/contacts?q=atelier-lyon.fr").json())).containsExactly(helene);
        assertThat(ids(hub.get("/api/contacts?q=h.eze@atelier-lyon.fr").json())).containsExactly(helene);
        assertThat(ids(hub.get("/api/contacts?q=helene%20example").json())).isEmpty();
    }

    @Test
    void deleting_an_address_removes_it_unless_messages_went_through_it() {
        JsonNode card = create(Map.of("name", "Gina Gone", "email", "gina@example.com", "phone", "+33 6 12 34 56 02"));
        long id = card.get("id").asLong();
        long phoneId = 0;
        for (JsonNode address : card.get("addresses")) {
            if (address.get("kind").asText().equals("phone")) {
                phoneId = address.get("id").asLong();
            }
        }
        TestHub.Response deleted = hub.request("DELETE", "/api/contacts/" + id + "/addresses/" + phoneId, null, Map.of());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(addresses(deleted.json())).containsExactly("email:gina@example.com");
        assertThat(kinds(deleted.json())).startsWith("address_removed");
        assertThat(hub.get("/api/contacts?q=612345602").json().get("items")).isEmpty();
        // The number is free again, for another contact.
        assertThat(hub.post("/api/contacts", Map.of("name", "Hugo Heir", "phone", "+33612345602")).status()).isEqualTo(201);
        assertThat(hub.request("DELETE", "/api/contacts/" + id + "/addresses/" + phoneId, null, Map.of()).status()).isEqualTo(404);

        long ticket = inbound("gone-1", "Ivy Inbound", "ivy@example.com", "Hello").json().get("ticketId").asLong();
        JsonNode ivy = hub.get("/api/tickets/" + ticket).json().get("contact");
        JsonNode ivyCard = hub.get("/api/contacts/" + ivy.get("id").asLong()).json();
        long used = ivyCard.get("addresses").get(0).get("id").asLong();
        TestHub.Response refused = hub.request("DELETE", "/api/contacts/" + ivy.get("id").asLong() + "/addresses/" + used, null, Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("address_in_use");
        assertThat(hub.request("DELETE", "/api/contacts/" + id + "/addresses/" + used, null, Map.of()).status())
                .as("another contact's address").isEqualTo(404);
    }

    @Test
    void the_list_pages_newest_first_filters_by_company_and_the_search_answers_ten_matches_as_before() {
        long acme = company("Acme List");
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(create(Map.of("name", "Lena List " + i, "email", "lena" + i + "@list.example", "companyId", acme)).get("id").asLong());
        }
        JsonNode first = hub.get("/api/contacts?companyId=" + acme + "&limit=2").json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("id").asLong()).isEqualTo(made.get(2));
        assertThat(first.get("items").get(0).get("company").get("name").asText()).isEqualTo("Acme List");
        long next = first.get("next").asLong();
        JsonNode second = hub.get("/api/contacts?companyId=" + acme + "&limit=2&after=" + next).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("id").asLong()).isEqualTo(made.get(0));
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(hub.get("/api/contacts?companyId=" + acme + "&limit=2&page=2").json().get("items").get(0).get("id").asLong())
                .isEqualTo(made.get(0));
        assertThat(hub.get("/api/contacts").json().get("items").size()).as("q empty: the list").isGreaterThanOrEqualTo(3);

        JsonNode search = hub.get("/api/contacts?q=lena1@list").json();
        assertThat(search.get("items")).hasSize(1);
        JsonNode match = search.get("items").get(0);
        assertThat(match.get("name").asText()).isEqualTo("Lena List 1");
        assertThat(match.get("addresses").get(0).get("kind").asText()).isEqualTo("email");
        assertThat(match.get("addresses").get(0).get("value").asText()).isEqualTo("lena1@list.example");
        assertThat(match.get("addresses").get(0).get("reachable").asBoolean()).isTrue();
        assertThat(search.has("next")).isTrue();
        assertThat(hub.get("/api/contacts?limit=0").status()).isEqualTo(400);
    }

    @Test
    void a_specialist_opens_only_the_cards_of_contacts_of_their_tickets_and_of_contacts_they_created() {
        long ticket = inbound("rights-1", "Rita Rights", "rita@example.com", "Hello").json().get("ticketId").asLong();
        long contact = hub.get("/api/tickets/" + ticket).json().get("contact").get("id").asLong();

        TestHub.Response refused = asSpecialist("GET", "/api/contacts/" + contact, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("specialist");
        assertThat(asSpecialist("PATCH", "/api/contacts/" + contact, Map.of("name", "Hacked")).status()).isEqualTo(403);
        assertThat(asSpecialist("POST", "/api/contacts/" + contact + "/addresses", Map.of("kind", "email", "value", "x@example.com"))
                .status()).isEqualTo(403);
        assertThat(hub.get("/api/contacts/" + contact).json().get("name").asText()).isEqualTo("Rita Rights");

        assertThat(hub.patch("/api/tickets/" + ticket, Map.of("assignee", specialistId)).status()).isEqualTo(200);
        assertThat(asSpecialist("GET", "/api/contacts/" + contact, null).status()).isEqualTo(200);
        TestHub.Response added = asSpecialist("POST", "/api/contacts/" + contact + "/addresses", Map.of("kind", "phone", "value", "06 12 34 56 03"));
        assertThat(added.status()).isEqualTo(201);
        JsonNode history = added.json().get("history").get(0);
        assertThat(history.get("actor").get("id").asLong()).isEqualTo(specialistId);
        assertThat(asSpecialist("PATCH", "/api/contacts/" + contact, Map.of("name", "Rita Renamed")).status()).isEqualTo(200);
        assertThat(asSpecialist("POST", "/api/contacts/" + contact + "/merge", Map.of("into", 1)).status())
                .as("merging is a senior's").isEqualTo(403);

        TestHub.Response created = asSpecialist("POST", "/api/contacts", Map.of("name", "Sam Phoned", "phone", "06 12 34 56 04"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(asSpecialist("GET", "/api/contacts/" + created.json().get("id").asLong(), null).status())
                .as("the card of a contact they created").isEqualTo(200);
        assertThat(asSpecialist("GET", "/api/contacts?q=rita", null).status()).as("searching is everyone's").isEqualTo(200);
    }
}
