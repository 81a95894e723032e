package io.supporthub.hub.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentApiTest {

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

    private long ticket(String id, String name, String email, String text) {
        return hub.inbound(id, name, email, text).json().get("ticketId").asLong();
    }

    @Test
    void withoutSession_theApiAnswers401_andLoginErrorsAreClear() {
        TestHub anonymous = hub;
        var noCookie = java.net.http.HttpClient.newHttpClient();
        try {
            var response = noCookie.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(anonymous.url("/api/tickets"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"error\":\"unauthorized\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        TestHub.Response wrong = hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL, "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asText()).isEqualTo("wrong email or password");
    }

    @Test
    void repeatedWrongPasswords_lockTheAccountsLoginsForAWhile() {
        hub.post("/api/agents", Map.of("email", "guess@test.local", "name", "Guess Target", "password", "blue tractor morning"));
        for (int i = 0; i < 10; i++) {
            assertThat(hub.post("/api/session", Map.of("email", "guess@test.local", "password", "wrong" + i)).status()).isEqualTo(401);
        }
        TestHub.Response locked = hub.post("/api/session", Map.of("email", "guess@test.local", "password", "blue tractor morning"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("message").asText()).contains("too many failed logins");
        hub.clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(hub.post("/api/session", Map.of("email", "guess@test.local", "password", "blue tractor morning")).status()).isEqualTo(200);
    }

    @Test
    void sessionCookie_isHttpOnlyAndSameSite() {
        TestHub.Response login = hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void bearerToken_authenticates_andFormPostsAreRefused() {
        String token = hub.post("/api/agents/1/token", Map.of()).json().get("token").asText();
        TestHub.Response withToken = hub.request("GET", "/api/session", null, Map.of("Authorization", "Bearer " + token));
        assertThat(withToken.status()).isEqualTo(200);
        TestHub.Response badToken = hub.request("GET", "/api/tickets", null, Map.of("Authorization", "Bearer nope"));
        assertThat(badToken.status()).isEqualTo(401);
        TestHub.Response form = hub.request("POST", "/api/tickets/1/notes", null,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer " + token));
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void forbiddenTransition_is409WithTheReason() {
        long id = ticket("api-1", "Eli", "eli@example.com", "Hi");
        TestHub.Response refused = hub.post("/api/tickets/" + id + "/status", Map.of("status", "closed"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("open").contains("closed");
        assertThat(hub.post("/api/tickets/" + id + "/status", Map.of("status", "postponed")).json().get("message").asText())
                .contains("until");
        assertThat(hub.post("/api/tickets/" + id + "/status", Map.of("status", "nonsense")).status()).isEqualTo(400);
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "resolved"));
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "closed"));
        TestHub.Response reply = hub.post("/api/tickets/" + id + "/replies", Map.of("text", "late"));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("message").asText()).contains("final for agents");
    }

    @Test
    void sendAndResolve_onAResolvedTicket_stillSendsTheReply() {
        long id = ticket("api-sr", "Sol", "sol@example.com", "Hi");
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "resolved"));
        TestHub.Response reply = hub.post("/api/tickets/" + id + "/replies", Map.of("text", "One more thing", "resolve", true));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(hub.get("/api/tickets/" + id).json().get("status").asText()).isEqualTo("resolved");
    }

    @Test
    void sendAndSetAwaitingReply_movesTheTicket_aRefusedMoveSendsNothing() {
        long id = ticket("api-await", "Ada", "ada@example.com", "Hi");
        TestHub.Response reply = hub.post("/api/tickets/" + id + "/replies",
                Map.of("text", "Could you send a photo?", "status", "awaiting_reply"));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode ticket = hub.get("/api/tickets/" + id).json();
        assertThat(ticket.get("status").asText()).isEqualTo("awaiting_reply");
        int messages = ticket.get("messages").size();

        assertThat(hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Again", "status", "awaiting_reply")).status())
                .as("already there: sent, nothing moves").isEqualTo(201);
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "postponed",
                "until", hub.clock.instant().plusSeconds(86_400).toString()));
        TestHub.Response refused = hub.post("/api/tickets/" + id + "/replies", Map.of("text", "Not sent", "status", "awaiting_reply"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("postponed").contains("awaiting_reply");
        assertThat(hub.get("/api/tickets/" + id).json().get("messages").size()).as("nothing sent").isEqualTo(messages + 1);
        assertThat(hub.post("/api/tickets/" + id + "/replies", Map.of("text", "x", "status", "resolved", "resolve", true))
                .status()).isEqualTo(400);
        assertThat(hub.post("/api/tickets/" + id + "/replies", Map.of("text", "x", "status", "postponed")).status())
                .isEqualTo(400);
    }

    @Test
    void customStatus_isANamedVariantOfABaseState() {
        assertThat(hub.post("/api/statuses", Map.of("name", "Waiting for parts", "base", "pending")).status()).isEqualTo(201);
        long id = ticket("api-2", "Fay", "fay@example.com", "Broken screen");
        JsonNode ticket = hub.post("/api/tickets/" + id + "/status", Map.of("status", "Waiting for parts")).json();
        assertThat(ticket.get("status").asText()).isEqualTo("pending");
        assertThat(ticket.get("statusLabel").asText()).isEqualTo("Waiting for parts");
        assertThat(hub.get("/api/tickets?status=pending").json().get("items").toString()).contains("Broken screen");
    }

    @Test
    void filtersSearchAndKeysetPaging() {
        long searched = ticket("api-3", "Gustave Flaubert", "gustave@example.fr", "Le colis est arrivé abîmé");
        hub.inbound("api-3b", "Gustave Flaubert", "gustave@example.fr", "photos du carton");
        for (int i = 0; i < 7; i++) {
            ticket("api-page-" + i, "Pager " + i, "pager" + i + "@example.com", "Paging test " + i);
        }
        assertThat(ids(hub.get("/api/tickets?q=colis").json())).containsExactly(searched);
        assertThat(ids(hub.get("/api/tickets?q=carton").json())).as("text of later messages").containsExactly(searched);
        hub.post("/api/tickets/" + searched + "/replies", Map.of("text", "Nous envoyons un transporteur"));
        hub.post("/api/tickets/" + searched + "/notes", Map.of("text", "fournisseur douteux"));
        assertThat(ids(hub.get("/api/tickets?q=transporteur").json())).as("an agent's reply").containsExactly(searched);
        assertThat(ids(hub.get("/api/tickets?q=douteux").json())).as("internal notes, for agents").containsExactly(searched);
        String ticketWords = hub.database.jdbi().withHandle(handle -> handle
                .select("select search::text from ticket where id = ?", searched).mapTo(String.class).one());
        assertThat(ticketWords).as("the ticket row keeps its subject's words only, however long the thread")
                .contains("colis").doesNotContain("carton").doesNotContain("transporteur");
        assertThat(ids(hub.get("/api/tickets?q=gust").json())).as("customer name prefix").containsExactly(searched);
        assertThat(ids(hub.get("/api/tickets?q=gustave@example.fr").json())).as("customer email").containsExactly(searched);
        assertThat(hub.get("/api/tickets?channel=telegram").json().get("items")).isEmpty();
        assertThat(hub.get("/api/tickets?channel=fax").status()).isEqualTo(400);

        List<Long> seen = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = hub.get("/api/tickets?q=paging&limit=3" + (next == null ? "" : "&after=" + next)).json();
            seen.addAll(ids(page));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void assignTypePriority_andUnassignedFilter() {
        long id = ticket("api-4", "Hal", "hal@example.com", "Invoice question");
        assertThat(ids(hub.get("/api/tickets?unassigned=true&q=invoice").json())).contains(id);
        JsonNode patched = hub.patch("/api/tickets/" + id, Map.of("assignee", "me", "type", "question", "priority", "high")).json();
        assertThat(patched.get("assignee").get("name").asText()).isEqualTo("Administrator");
        assertThat(patched.get("priority").asText()).isEqualTo("high");
        assertThat(patched.get("type").asText()).isEqualTo("question");
        assertThat(ids(hub.get("/api/tickets?unassigned=true&q=invoice").json())).doesNotContain(id);
        assertThat(ids(hub.get("/api/tickets?assignee=me&q=invoice").json())).contains(id);
        assertThat(hub.patch("/api/tickets/" + id, Map.of("priority", "cosmic")).status()).isEqualTo(422);
    }

    @Test
    void escalateAndSendBack_leaveInternalNotes() {
        long id = ticket("api-5", "Ida", "ida@example.com", "Server down");
        hub.patch("/api/tickets/" + id, Map.of("assignee", "me"));
        JsonNode escalated = hub.post("/api/tickets/" + id + "/escalate", Map.of("reason", "needs a developer")).json();
        assertThat(escalated.get("line").asInt()).isEqualTo(2);
        assertThat(escalated.get("assignee").isNull()).isTrue();
        assertThat(ids(hub.get("/api/tickets?line=2").json())).contains(id);
        assertThat(hub.post("/api/tickets/" + id + "/escalate", Map.of("line", 1)).json().get("line").asInt()).isEqualTo(1);
        JsonNode detail = hub.get("/api/tickets/" + id).json();
        assertThat(detail.get("messages").toString()).contains("Escalated to Second line: needs a developer")
                .contains("Sent back to First line");
        assertThat(detail.get("timeline").toString()).contains("escalated").contains("sent_back");
    }

    @Test
    void agentOpensTicketForAContact_andTheFirstMessageGoesOut() {
        TestHub.Response created = hub.post("/api/tickets", Map.of("subject", "Your loan was approved",
                "text", "Good news: your loan was approved.", "channel", "sms",
                "contact", Map.of("name", "Jon", "phone", "+447911123456")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("contact").get("addresses").get(0).get("value").asText()).isEqualTo("+447911123456");
        hub.drainOutbox();
        assertThat(hub.senders.get(ChannelKind.SMS).sent()).anySatisfy(m -> {
            assertThat(m.to().value()).isEqualTo("+447911123456");
            assertThat(m.text()).isEqualTo("Good news: your loan was approved.");
        });
        assertThat(hub.get("/api/tickets/" + id).json().get("firstResponseAt").isNull())
                .as("no customer question yet, so no first response").isTrue();
        TestHub.Response invalid = hub.post("/api/tickets", Map.of("subject", "x", "contact", Map.of("phone", "12345")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText()).contains("12345");
    }

    @Test
    void similarTickets_shareAnEmailOrPhone() {
        long first = ticket("api-6", "Kim", "kim@example.com", "Order 1");
        hub.post("/api/tickets/" + first + "/status", Map.of("status", "resolved"));
        hub.clock.advance(java.time.Duration.ofDays(10));
        long second = ticket("api-7", "Kim", "kim@example.com", "Order 2");
        hub.logIn();
        assertThat(second).isNotEqualTo(first);
        assertThat(ids(hub.get("/api/tickets/" + second + "/similar").json())).contains(first);
    }

    @Test
    void adminEditsTypesAndPriorities_andAgentsCannot() {
        assertThat(hub.post("/api/types", Map.of("name", "complaint")).status()).isEqualTo(201);
        assertThat(hub.post("/api/types", Map.of("name", "complaint")).status()).isEqualTo(409);
        assertThat(hub.post("/api/priorities", Map.of("name", "critical")).status()).isEqualTo(201);
        assertThat(hub.get("/api/types").body()).contains("complaint").contains("\"internal\":true");
        long agentId = hub.post("/api/agents", Map.of("email", "agent@test.local", "name", "Agent Smith", "password", "blue tractor morning"))
                .json().get("id").asLong();
        String token = hub.post("/api/agents/" + agentId + "/token", Map.of()).json().get("token").asText();
        TestHub.Response refused = hub.request("POST", "/api/types", Map.of("name", "x"), Map.of("Authorization", "Bearer " + token));
        assertThat(refused.status()).isEqualTo(403);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
