package io.supporthub.hub.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging contacts against PostgreSQL: every address (with its bot state), ticket (with its rating) and observer goes
 * to the target, the company is the one chosen, the merged contact stays marked, both histories say so, the search
 * finds the target by the moved addresses; seniors merge, specialists do not; impossible merges answer 409.
 */
class ContactMergeTest {

    static TestHub hub;
    static String seniorToken;
    static String specialistToken;
    static long seniorId;
    static long watcherId;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        seniorId = agent("senior@test.local", "Sara Senior", "senior");
        seniorToken = hub.post("/api/agents/" + seniorId + "/token", Map.of()).json().get("token").asText();
        long specialist = agent("spec@test.local", "Sid Specialist", "specialist");
        specialistToken = hub.post("/api/agents/" + specialist + "/token", Map.of()).json().get("token").asText();
        watcherId = agent("watcher@test.local", "Wes Watcher", "specialist");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static long agent(String email, String name, String role) {
        return hub.post("/api/agents", Map.of("email", email, "name", name, "password", "a long enough password",
                "role", role)).json().get("id").asLong();
    }

    static TestHub.Response as(String token, String method, String path, Object body) {
        return hub.request(method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    static long company(String name) {
        return hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createQuery(
                "insert into company (name) values (:name) returning id").bind("name", name).mapTo(Long.class).one());
    }

    static <T> T query(String sql, Class<T> type, Object... args) {
        return hub.app.transactions().read(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                query.bind(i, args[i]);
            }
            return query.mapTo(type).one();
        });
    }

    static List<String> values(JsonNode card) {
        List<String> values = new ArrayList<>();
        card.get("addresses").forEach(a -> values.add(a.get("value").asText()));
        return values;
    }

    static List<Long> tickets(JsonNode card) {
        List<Long> ids = new ArrayList<>();
        card.get("tickets").forEach(t -> ids.add(t.get("id").asLong()));
        return ids;
    }

    static List<String> observers(JsonNode card) {
        List<String> found = new ArrayList<>();
        card.get("observers").forEach(o -> found.add(o.get("kind").asText() + ":" + o.get("id").asLong()));
        return found;
    }

    static long contactOf(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("contact").get("id").asLong();
    }

    @Test
    void a_merge_moves_addresses_tickets_ratings_bot_state_observers_and_notes_and_marks_the_merged_contact() {
        long sourceTicket = hub.inbound("merge-src", "Mona Source", "mona@source.example", "My router").json().get("ticketId").asLong();
        long source = contactOf(sourceTicket);
        long targetTicket = hub.inbound("merge-tgt", "Mona Target", "mona@target.example", "Router again").json().get("ticketId").asLong();
        long target = contactOf(targetTicket);
        assertThat(hub.post("/api/contacts/" + source + "/addresses", Map.of("kind", "phone", "value", "+33 6 12 34 56 90")).status()).isEqualTo(201);
        long group = hub.post("/api/groups", Map.of("name", "Merge watchers")).json().get("id").asLong();
        long sourceCompany = company("Source Ltd");
        long targetCompany = company("Target Ltd");
        hub.patch("/api/contacts/" + source, Map.of("companyId", sourceCompany, "notes", "Calls on Mondays",
                "manager", Map.of("agentId", watcherId),
                "observers", List.of(Map.of("kind", "agent", "id", watcherId), Map.of("kind", "group", "id", group))));
        hub.patch("/api/contacts/" + target, Map.of("companyId", targetCompany, "notes", "VIP",
                "observers", List.of(Map.of("kind", "agent", "id", watcherId))));
        // A rating lives on the ticket; the bot's pending state on the address.
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            handle.execute("update ticket set rating = 4 where id = ?", sourceTicket);
            handle.execute("update contact_address set bot_state = 'add:" + sourceTicket + "' where value = 'mona@source.example'");
            return null;
        });

        TestHub.Response merged = as(seniorToken, "POST", "/api/contacts/" + source + "/merge",
                Map.of("into", target, "company", "source"));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode kept = merged.json();
        assertThat(kept.get("id").asLong()).isEqualTo(target);
        assertThat(values(kept)).containsExactlyInAnyOrder("mona@source.example", "+33612345690", "mona@target.example");
        assertThat(tickets(kept)).containsExactlyInAnyOrder(sourceTicket, targetTicket);
        assertThat(kept.get("ticketCount").asLong()).isEqualTo(2);
        assertThat(kept.get("company").get("id").asLong()).as("the company chosen: the source's").isEqualTo(sourceCompany);
        assertThat(observers(kept)).containsExactlyInAnyOrder("agent:" + watcherId, "group:" + group);
        assertThat(kept.get("notes").asText()).isEqualTo("VIP\n\nCalls on Mondays");
        assertThat(kept.get("manager").get("agentId").asLong()).as("the target had none: the source's").isEqualTo(watcherId);
        assertThat(kept.get("mergedInto").isNull()).isTrue();
        JsonNode keptEvent = kept.get("history").get(0);
        assertThat(keptEvent.get("kind").asText()).isEqualTo("merged");
        assertThat(keptEvent.get("actor").get("id").asLong()).isEqualTo(seniorId);
        assertThat(keptEvent.get("detail").get("from").get("id").asLong()).isEqualTo(source);
        assertThat(keptEvent.get("detail").get("tickets").asInt()).isEqualTo(1);

        JsonNode gone = hub.get("/api/contacts/" + source).json();
        assertThat(gone.get("mergedInto").get("id").asLong()).isEqualTo(target);
        assertThat(gone.get("mergedAt").isNull()).isFalse();
        assertThat(gone.get("addresses")).isEmpty();
        assertThat(gone.get("tickets")).isEmpty();
        assertThat(gone.get("observers")).isEmpty();
        assertThat(gone.get("name").asText()).as("nothing deleted").isEqualTo("Mona Source");
        assertThat(gone.get("history").get(0).get("kind").asText()).isEqualTo("merged");
        assertThat(gone.get("history").get(0).get("detail").get("into").get("id").asLong()).isEqualTo(target);

        JsonNode ticket = hub.get("/api/tickets/" + sourceTicket).json();
        assertThat(ticket.get("contact").get("id").asLong()).isEqualTo(target);
        assertThat(ticket.get("rating").asInt()).isEqualTo(4);
        JsonNode mergedEvent = null;
        for (JsonNode event : ticket.get("timeline")) {
            mergedEvent = "customer_merged".equals(event.get("kind").asText()) ? event : mergedEvent;
        }
        assertThat(mergedEvent).as("the moved ticket's timeline says so").isNotNull();
        assertThat(query("select a.bot_state from contact_address a where a.value = 'mona@source.example' and a.contact_id = ?",
                String.class, target)).isEqualTo("add:" + sourceTicket);

        // The search finds the target by the moved addresses, and no longer the merged contact.
        List<Long> found = new ArrayList<>();
        hub.get("/api/contacts?q=mona@source").json().get("items").forEach(c -> found.add(c.get("id").asLong()));
        assertThat(found).containsExactly(target);
        assertThat(query("select search_keys @@ cast('''#09654321633''' as tsquery) from contact where id = ?",
                Boolean.class, target)).as("the moved phone's key").isTrue();
        assertThat(query("select search_keys @@ cast('''#09654321633''' as tsquery) from contact where id = ?",
                Boolean.class, source)).isFalse();
        List<Long> searched = new ArrayList<>();
        hub.get("/api/tickets?q=mona@source.example&scope=all").json().get("items").forEach(t -> searched.add(t.get("id").asLong()));
        assertThat(searched).as("the tickets found by the moved email").contains(sourceTicket);

        assertThat(hub.patch("/api/contacts/" + source, Map.of("name", "Again")).status()).as("a merged contact is not edited")
                .isEqualTo(409);
    }

    @Test
    void the_target_keeps_its_own_company_by_default() {
        long source = hub.post("/api/contacts", Map.of("name", "Nina Source", "email", "nina@source.example")).json().get("id").asLong();
        long target = hub.post("/api/contacts", Map.of("name", "Nina Target", "email", "nina@target.example")).json().get("id").asLong();
        long company = company("Nina's employer");
        hub.patch("/api/contacts/" + target, Map.of("companyId", company));
        hub.patch("/api/contacts/" + source, Map.of("companyId", company("Nina's old employer")));
        JsonNode kept = hub.post("/api/contacts/" + source + "/merge", Map.of("into", target)).json();
        assertThat(kept.get("company").get("id").asLong()).isEqualTo(company);
        assertThat(kept.get("companySource").asText()).isEqualTo("person");
    }

    @Test
    void only_seniors_and_administrators_merge_and_impossible_merges_answer_409() {
        long one = hub.post("/api/contacts", Map.of("name", "Olga One", "email", "olga1@example.com")).json().get("id").asLong();
        long two = hub.post("/api/contacts", Map.of("name", "Olga Two", "email", "olga2@example.com")).json().get("id").asLong();
        long three = hub.post("/api/contacts", Map.of("name", "Olga Three", "email", "olga3@example.com")).json().get("id").asLong();

        TestHub.Response refused = as(specialistToken, "POST", "/api/contacts/" + one + "/merge", Map.of("into", two));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("senior");
        assertThat(hub.get("/api/contacts/" + one).json().get("mergedInto").isNull()).as("nothing merged").isTrue();

        TestHub.Response itself = as(seniorToken, "POST", "/api/contacts/" + one + "/merge", Map.of("into", one));
        assertThat(itself.status()).isEqualTo(409);
        assertThat(itself.json().get("error").asText()).isEqualTo("merge_into_itself");

        assertThat(as(seniorToken, "POST", "/api/contacts/" + one + "/merge", Map.of("into", two)).status()).isEqualTo(200);
        TestHub.Response twice = as(seniorToken, "POST", "/api/contacts/" + one + "/merge", Map.of("into", three));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("error").asText()).isEqualTo("already_merged");
        TestHub.Response intoMerged = as(seniorToken, "POST", "/api/contacts/" + three + "/merge", Map.of("into", one));
        assertThat(intoMerged.status()).isEqualTo(409);
        assertThat(intoMerged.json().get("error").asText()).isEqualTo("target_merged");
        assertThat(hub.get("/api/contacts/" + three).json().get("mergedInto").isNull()).isTrue();

        assertThat(hub.post("/api/contacts/" + three + "/merge", Map.of()).status()).isEqualTo(400);
        assertThat(hub.post("/api/contacts/" + three + "/merge", Map.of("into", two, "company", "mine")).status()).isEqualTo(400);
        assertThat(hub.post("/api/contacts/" + three + "/merge", Map.of("into", 999999)).status()).isEqualTo(422);
        assertThat(hub.post("/api/contacts/999999/merge", Map.of("into", two)).status()).isEqualTo(404);
        assertThat(values(hub.get("/api/contacts/" + two).json())).containsExactlyInAnyOrder("olga1@example.com", "olga2@example.com");
    }
}
