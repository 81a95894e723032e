package io.supporthub.hub.cannedreply;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CannedReplyTest {

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
    void aNewHub_hasTheDefaultGroups() {
        JsonNode groups = hub.get("/api/canned").json().get("groups");
        assertThat(groups.size()).isGreaterThanOrEqualTo(5);
        assertThat(groups.get(0).get("replies").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void render_fillsTheTicketsVariables_plainForMessengers_escapedForHtml() {
        long ticketId = hub.inbound("cr-1", "Seán O'Brien <SOB>", "sean@example.com", "Help").json().get("ticketId").asLong();
        long groupId = hub.post("/api/canned/groups", Map.of("name", "Tests")).json().get("id").asLong();
        long replyId = hub.post("/api/canned/replies", Map.of("groupId", groupId, "title", "Hello",
                "body", "Hi {{customer.name}}, about #{{ticket.number}} — {{agent.name}}")).json().get("id").asLong();
        JsonNode rendered = hub.post("/api/canned/replies/" + replyId + "/render", Map.of("ticketId", ticketId)).json();
        long number = hub.get("/api/tickets/" + ticketId).json().get("number").asLong();
        assertThat(rendered.get("text").asText()).isEqualTo("Hi Seán O'Brien <SOB>, about #" + number + " — Administrator");
        assertThat(rendered.get("html").asText()).contains("O&#39;Brien &lt;SOB&gt;").doesNotContain("<SOB>");
    }

    @Test
    void brokenTemplate_isRefusedWithTheReason() {
        long groupId = hub.post("/api/canned/groups", Map.of("name", "Broken")).json().get("id").asLong();
        TestHub.Response refused = hub.post("/api/canned/replies", Map.of("groupId", groupId, "title", "x", "body", "Hi {{#customer}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("template");
    }

    @Test
    void templateReachingIntoAVariablesMethods_isRefusedOnSave_andRendersNothingWhenStoredBefore() {
        long groupId = hub.post("/api/canned/groups", Map.of("name", "Methods")).json().get("id").asLong();
        TestHub.Response refused = hub.post("/api/canned/replies", Map.of("groupId", groupId, "title", "x",
                "body", "Hi {{customer.name.bytes}}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("unknown variable 'customer.name.bytes'");
        long replyId = hub.post("/api/canned/replies", Map.of("groupId", groupId, "title", "ok",
                "body", "Hi {{customer.name}}")).json().get("id").asLong();
        TestHub.Response edit = hub.patch("/api/canned/replies/" + replyId, Map.of("body", "{{ticket.subject.class}}"));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.json().get("message").asText()).contains("unknown variable 'ticket.subject.class'");

        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createUpdate(
                "update canned_reply set body = 'Hi {{customer.name}}[{{customer.name.bytes}}]' where id = :id")
                .bind("id", replyId).execute());
        long ticketId = hub.inbound("cr-m", "Anna", "anna-m@example.com", "Help").json().get("ticketId").asLong();
        JsonNode rendered = hub.post("/api/canned/replies/" + replyId + "/render", Map.of("ticketId", ticketId)).json();
        assertThat(rendered.get("text").asText()).isEqualTo("Hi Anna[]");
    }

    @Test
    void editReorderSearchDelete() {
        long groupId = hub.post("/api/canned/groups", Map.of("name", "Order")).json().get("id").asLong();
        long a = hub.post("/api/canned/replies", Map.of("groupId", groupId, "title", "A", "body", "zebra one")).json().get("id").asLong();
        long b = hub.post("/api/canned/replies", Map.of("groupId", groupId, "title", "B", "body", "two")).json().get("id").asLong();
        JsonNode reordered = hub.post("/api/canned/groups/" + groupId + "/order", Map.of("replyIds", List.of(b, a))).json();
        assertThat(reordered.get("replies").get(0).get("id").asLong()).isEqualTo(b);
        assertThat(hub.patch("/api/canned/replies/" + a, Map.of("title", "A2")).json().get("title").asText()).isEqualTo("A2");
        JsonNode found = hub.get("/api/canned?q=zebra").json().get("groups");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("replies").get(0).get("id").asLong()).isEqualTo(a);
        assertThat(hub.request("DELETE", "/api/canned/replies/" + a, null, Map.of()).status()).isEqualTo(204);
        assertThat(hub.request("DELETE", "/api/canned/replies/" + a, null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void variablesTypedInAReply_areRendered_unknownOnesRefused_andNothingIsSent() {
        long ticketId = hub.inbound("cr-typed", "Maria del Mar", "maria@example.com", "Help").json().get("ticketId").asLong();
        long number = hub.get("/api/tickets/" + ticketId).json().get("number").asLong();
        TestHub.Response sent = hub.post("/api/tickets/" + ticketId + "/replies",
                Map.of("text", "Dear {{customer.first_name}}, about #{{ticket.number}}: done. {{agent.name}}"));
        assertThat(sent.status()).isEqualTo(201);
        JsonNode messages = hub.get("/api/tickets/" + ticketId).json().get("messages");
        assertThat(messages.get(messages.size() - 1).get("text").asText())
                .isEqualTo("Dear Maria, about #" + number + ": done. Administrator");

        TestHub.Response refused = hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Hi {{customer.nickname}}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("customer.nickname").contains("customer.first_name");
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("messages").size()).as("nothing stored").isEqualTo(messages.size());
    }

    @Test
    void theListForATicket_previewsEachReplyAsTheCustomerWillReadIt() {
        long ticketId = hub.inbound("cr-preview", "Jean Dupont", "jean@example.com", "Help").json().get("ticketId").asLong();
        long groupId = hub.post("/api/canned/groups", Map.of("name", "Previewed")).json().get("id").asLong();
        long replyId = hub.post("/api/canned/replies", Map.of("groupId", groupId, "title", "Greet",
                "body", "Bonjour {{customer.first_name}}")).json().get("id").asLong();
        JsonNode reply = null;
        for (JsonNode group : hub.get("/api/canned?ticketId=" + ticketId).json().get("groups")) {
            for (JsonNode candidate : group.get("replies")) {
                reply = candidate.get("id").asLong() == replyId ? candidate : reply;
            }
        }
        assertThat(reply).isNotNull();
        assertThat(reply.get("body").asText()).isEqualTo("Bonjour {{customer.first_name}}");
        assertThat(reply.get("preview").asText()).isEqualTo("Bonjour Jean");
        assertThat(hub.get("/api/canned?ticketId=abc").status()).isEqualTo(400);
    }
}
