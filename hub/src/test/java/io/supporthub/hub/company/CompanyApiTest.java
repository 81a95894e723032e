package io.supporthub.hub.company;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/companies} and {@code /api/categories}: CRUD, every refusal's code, and who may do what. */
class CompanyApiTest {

    static TestHub hub;
    static long seniorId;
    static long specialistId;
    static Map<String, String> senior;
    static Map<String, String> specialist;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("DEFAULT_PHONE_REGION", "FR"), false, java.time.Instant.parse("2026-11-02T09:00:00Z"));
        hub.logIn();
        seniorId = agent("sara@test.local", "Sara Senior", "senior");
        specialistId = agent("sam@test.local", "Sam Specialist", "specialist");
        senior = bearer(seniorId);
        specialist = bearer(specialistId);
        // Out of every group, so that only the relation under test opens a card.
        hub.app.transactions().inTransaction((handle, afterCommit) ->
                handle.execute("delete from agent_group_member where agent_id = " + specialistId));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static long agent(String email, String name, String role) {
        return hub.post("/api/agents", Map.of("email", email, "name", name, "password", "a long enough password",
                "role", role)).json().get("id").asLong();
    }

    private static Map<String, String> bearer(long agentId) {
        String token = hub.post("/api/agents/" + agentId + "/token", Map.of()).json().get("token").asText();
        return Map.of("Authorization", "Bearer " + token);
    }

    private static TestHub.Response create(Map<String, Object> body) {
        return hub.post("/api/companies", body);
    }

    private static long createdId(Map<String, Object> body) {
        TestHub.Response created = create(body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long category(String name) {
        for (JsonNode category : hub.get("/api/categories").json()) {
            if (category.get("name").asText().equals(name)) {
                return category.get("id").asLong();
            }
        }
        throw new AssertionError("no category " + name);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void a_company_is_created_read_and_changed_with_every_field_and_its_history_says_what_changed() {
        long group = hub.post("/api/groups", Map.of("name", "Key accounts")).json().get("id").asLong();
        long partner = createdId(Map.of("name", "Partner Works"));
        long vip = category("VIP client");
        TestHub.Response created = create(Map.of("name", "  Acme Rockets ", "domains", List.of("Acme.COM", "@acme-rockets.fr."),
                "categoryId", vip, "manager", Map.of("agentId", seniorId),
                "observers", List.of(Map.of("kind", "agent", "id", specialistId), Map.of("kind", "group", "id", group)),
                "emails", List.of("Office@Acme.com"), "phones", List.of("06 12 34 56 78"), "notes", "Pays late",
                "supervises", List.of(partner)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode acme = created.json();
        long id = acme.get("id").asLong();
        assertThat(acme.get("name").asText()).isEqualTo("Acme Rockets");
        assertThat(texts(acme.get("domains"))).containsExactly("acme-rockets.fr", "acme.com");
        assertThat(acme.get("categoryId").asLong()).isEqualTo(vip);
        assertThat(acme.get("category").get("name").asText()).isEqualTo("VIP client");
        assertThat(acme.get("manager").get("agentId").asLong()).isEqualTo(seniorId);
        assertThat(acme.get("manager").has("groupId")).isFalse();
        assertThat(acme.get("observers")).hasSize(2);
        assertThat(acme.get("observers").get(0).get("kind").asText()).isEqualTo("agent");
        assertThat(acme.get("observers").get(0).get("name").asText()).isEqualTo("Sam Specialist");
        assertThat(acme.get("observers").get(1).get("name").asText()).isEqualTo("Key accounts");
        assertThat(texts(acme.get("emails"))).containsExactly("office@acme.com");
        assertThat(texts(acme.get("phones"))).as("stored in E.164 read in the default region").containsExactly("+33612345678");
        assertThat(acme.get("notes").asText()).isEqualTo("Pays late");
        assertThat(acme.get("supervises").get(0).asLong()).isEqualTo(partner);
        assertThat(acme.get("contactCount").asLong()).isZero();

        assertThat(hub.get("/api/companies/" + id).json().get("name").asText()).isEqualTo("Acme Rockets");

        TestHub.Response changed = hub.patch("/api/companies/" + id, Map.of("name", "Acme Space",
                "manager", Map.of("groupId", group), "notes", "", "categoryId", category("Partner")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("Acme Space");
        assertThat(changed.json().get("manager").get("groupId").asLong()).isEqualTo(group);
        assertThat(changed.json().get("manager").get("name").asText()).isEqualTo("Key accounts");
        assertThat(changed.json().get("notes").isNull()).isTrue();
        assertThat(changed.json().get("category").get("name").asText()).isEqualTo("Partner");
        assertThat(texts(changed.json().get("domains"))).as("fields not given stay").containsExactly("acme-rockets.fr", "acme.com");

        TestHub.Response cleared = hub.patch("/api/companies/" + id, java.util.Collections.singletonMap("manager", null));
        assertThat(cleared.json().get("manager").isNull()).isTrue();

        List<Map<String, Object>> events = hub.app.transactions().read(handle -> handle.createQuery(
                "select kind, actor_agent_id, detail::text as detail from client_event where company_id = :id order by id")
                .bind("id", id).mapToMap().list());
        assertThat(events).extracting(e -> e.get("kind")).containsExactly("created", "updated", "updated");
        assertThat(events.get(1).get("actor_agent_id")).isNotNull();
        assertThat((String) events.get(1).get("detail")).contains("\"name\"", "Acme Rockets", "Acme Space", "\"manager\"",
                "\"notes\"", "\"category\"").doesNotContain("\"domains\"");
    }

    @Test
    void the_list_is_paged_in_name_order_and_searched_by_name_or_domain_and_filtered_by_category() {
        long client = category("Client");
        for (String name : List.of("Lima Ltd", "Kilo Ltd", "Mike Ltd")) {
            createdId(Map.of("name", name, "categoryId", client, "domains", List.of(name.split(" ")[0].toLowerCase() + "-ltd.com")));
        }
        JsonNode first = hub.get("/api/companies?q=ltd&limit=2").json();
        assertThat(first.get("items")).extracting(c -> c.get("name").asText()).containsExactly("Kilo Ltd", "Lima Ltd");
        String next = first.get("next").asText();
        JsonNode second = hub.get("/api/companies?q=ltd&limit=2&after=" + next).json();
        assertThat(second.get("items")).extracting(c -> c.get("name").asText()).containsExactly("Mike Ltd");
        assertThat(second.has("next")).isFalse();

        assertThat(hub.get("/api/companies?q=mike-ltd").json().get("items")).extracting(c -> c.get("name").asText())
                .containsExactly("Mike Ltd");
        assertThat(hub.get("/api/companies?q=ltd&categoryId=" + category("Partner")).json().get("items")).isEmpty();
        assertThat(hub.get("/api/companies?q=ltd&categoryId=" + client).json().get("items")).hasSize(3);
        assertThat(hub.get("/api/companies?q=100%25").json().get("items")).as("wildcards are taken literally").isEmpty();
        assertThat(hub.get("/api/companies?limit=0").status()).isEqualTo(400);
    }

    @Test
    void every_refusal_has_its_code() {
        long taken = createdId(Map.of("name", "Taken Corp", "domains", List.of("taken.example")));
        assertThat(create(Map.of("name", "taken corp")).json().get("error").asText()).isEqualTo("name_taken");
        assertThat(create(Map.of("name", "taken corp")).status()).isEqualTo(409);
        assertThat(create(Map.of("domains", List.of("x.com"))).status()).as("name is required").isEqualTo(400);
        assertThat(create(Map.of("name", "  ")).status()).isEqualTo(400);

        TestHub.Response domainTaken = create(Map.of("name", "Other Corp", "domains", List.of("TAKEN.example")));
        assertThat(domainTaken.status()).isEqualTo(409);
        assertThat(domainTaken.json().get("error").asText()).isEqualTo("domain_taken");
        assertThat(domainTaken.json().get("companyId").asLong()).isEqualTo(taken);
        assertThat(hub.get("/api/companies?q=Other Corp".replace(" ", "%20")).json().get("items"))
                .as("nothing partial is stored").isEmpty();

        TestHub.Response freeMail = create(Map.of("name", "Gmail Fans", "domains", List.of("Gmail.com")));
        assertThat(freeMail.status()).isEqualTo(422);
        assertThat(freeMail.json().get("error").asText()).isEqualTo("free_mail_domain");
        assertThat(create(Map.of("name", "Mailru", "domains", List.of("mail.ru"))).json().get("error").asText())
                .isEqualTo("free_mail_domain");

        assertCode(Map.of("name", "Bad Domain", "domains", List.of("not a domain")), 422, "invalid_domain");
        assertCode(Map.of("name", "Bad Domain", "domains", List.of("localhost")), 422, "invalid_domain");
        assertCode(Map.of("name", "Bad Email", "emails", List.of("nobody-at-example.com")), 422, "invalid_email");
        assertCode(Map.of("name", "Bad Phone", "phones", List.of("12")), 422, "invalid_phone");
        assertCode(Map.of("name", "Bad Manager", "manager", Map.of("agentId", 999999)), 422, "unknown_agent");
        assertCode(Map.of("name", "Bad Manager", "manager", Map.of("groupId", 999999)), 422, "unknown_group");
        assertCode(Map.of("name", "Bad Manager", "manager", Map.of("agentId", seniorId, "groupId", 1)), 400, "bad_request");
        assertCode(Map.of("name", "Bad Category", "categoryId", 999999), 422, "unknown_category");
        assertCode(Map.of("name", "Bad Observer", "observers", List.of(Map.of("kind", "group", "id", 999999))), 422, "unknown_group");
        assertCode(Map.of("name", "Bad Observer", "observers", List.of(Map.of("kind", "cat", "id", 1))), 400, "bad_request");
        assertCode(Map.of("name", "Bad Supervision", "supervises", List.of(999999)), 422, "unknown_company");

        long disabled = agent("gone@test.local", "Gone Agent", "specialist");
        hub.patch("/api/agents/" + disabled, Map.of("active", false));
        assertCode(Map.of("name", "Disabled Manager", "manager", Map.of("agentId", disabled)), 422, "unknown_agent");

        TestHub.Response itself = hub.patch("/api/companies/" + taken, Map.of("supervises", List.of(taken)));
        assertThat(itself.status()).isEqualTo(422);
        assertThat(itself.json().get("error").asText()).isEqualTo("supervises_itself");
        long other = createdId(Map.of("name", "Second Corp"));
        assertThat(hub.patch("/api/companies/" + other, Map.of("name", "TAKEN CORP")).json().get("error").asText())
                .isEqualTo("name_taken");
        assertThat(hub.patch("/api/companies/" + taken, Map.of("domains", List.of("taken.example"))).status())
                .as("a company keeps its own domain").isEqualTo(200);
        assertThat(hub.patch("/api/companies/999999", Map.of("name", "Nobody")).status()).isEqualTo(404);
        assertThat(hub.get("/api/companies/999999").status()).isEqualTo(404);
    }

    private static void assertCode(Map<String, Object> body, int status, String code) {
        TestHub.Response response = create(body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(code);
    }

    @Test
    void a_specialist_lists_companies_opens_only_those_of_their_tickets_and_cannot_create_or_change() {
        long related = createdId(Map.of("name", "Related Inc", "domains", List.of("related.example")));
        long unrelated = createdId(Map.of("name", "Unrelated Inc"));
        long ticket = hub.inbound("company-rights", "Rita Related", "rita@related.example", "Hello").json()
                .get("ticketId").asLong();
        assertThat(hub.patch("/api/tickets/" + ticket, Map.of("companyId", related)).status()).isEqualTo(200);

        assertThat(hub.request("GET", "/api/companies", null, specialist).status()).isEqualTo(200);
        assertThat(hub.request("GET", "/api/categories", null, specialist).status()).isEqualTo(200);
        assertThat(hub.request("GET", "/api/companies/" + related, null, specialist).status())
                .as("no ticket of it is theirs yet").isEqualTo(403);
        assertThat(hub.patch("/api/tickets/" + ticket, Map.of("assignee", specialistId)).status()).isEqualTo(200);
        assertThat(hub.request("GET", "/api/companies/" + related, null, specialist).status()).isEqualTo(200);
        assertThat(hub.request("GET", "/api/companies/" + unrelated, null, specialist).status()).isEqualTo(403);
        assertThat(hub.request("GET", "/companies/" + unrelated, null, specialist).status()).as("nor its card page")
                .isEqualTo(403);

        assertThat(hub.request("POST", "/api/companies", Map.of("name", "By Specialist"), specialist).status()).isEqualTo(403);
        assertThat(hub.request("PATCH", "/api/companies/" + related, Map.of("notes", "x"), specialist).status()).isEqualTo(403);
        assertThat(hub.request("POST", "/api/categories", Map.of("name", "By Specialist"), specialist).status()).isEqualTo(403);

        assertThat(hub.request("GET", "/api/companies/" + unrelated, null, senior).status()).isEqualTo(200);
        TestHub.Response bySenior = hub.request("POST", "/api/companies", Map.of("name", "By Senior"), senior);
        assertThat(bySenior.status()).isEqualTo(201);
        assertThat(hub.request("PATCH", "/api/companies/" + unrelated, Map.of("notes", "seen"), senior).status()).isEqualTo(200);
    }

    @Test
    void categories_are_listed_created_renamed_and_deleted_leaving_their_companies_without_one() {
        assertThat(hub.get("/api/categories").json()).extracting(c -> c.get("name").asText())
                .startsWith("Client", "Partner", "VIP client");
        TestHub.Response created = hub.request("POST", "/api/categories", Map.of("name", "Reseller"), senior);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("position").asInt()).isGreaterThan(3);
        assertThat(hub.post("/api/categories", Map.of("name", "reseller")).json().get("error").asText()).isEqualTo("name_taken");
        assertThat(hub.patch("/api/categories/" + id, Map.of("name", "partner")).status()).isEqualTo(409);
        TestHub.Response renamed = hub.patch("/api/categories/" + id, Map.of("name", "Distributor", "position", 9));
        assertThat(renamed.json().get("name").asText()).isEqualTo("Distributor");
        assertThat(renamed.json().get("position").asInt()).isEqualTo(9);

        long company = createdId(Map.of("name", "Distributed Co", "categoryId", id));
        assertThat(hub.request("DELETE", "/api/categories/" + id, null, specialist).status()).isEqualTo(403);
        assertThat(hub.request("DELETE", "/api/categories/" + id, null, senior).status()).isEqualTo(204);
        assertThat(hub.get("/api/companies/" + company).json().get("categoryId").isNull()).isTrue();
        assertThat(hub.request("DELETE", "/api/categories/" + id, null, Map.of()).status()).isEqualTo(404);
    }
}
