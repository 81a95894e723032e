package io.supporthub.hub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Disabling employees: cut off at once, open tickets handed over, never assigned while being disabled. */
class StaffDisableTest {

    private static final String PASSWORD = "a long enough one";

    TestHub hub;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private long agent(String email, String name) {
        return hub.post("/api/agents", Map.of("email", email, "name", name, "password", PASSWORD)).json().get("id").asLong();
    }

    private long ticket(String externalId) {
        return hub.inbound(externalId, "Customer " + externalId, externalId + "@customer.test", "help").json().get("ticketId").asLong();
    }

    private long assigned(long agentId) {
        long ticket = ticket("t" + System.nanoTime());
        assertThat(hub.patch("/api/tickets/" + ticket, Map.of("assignee", agentId)).status()).isEqualTo(200);
        return ticket;
    }

    private JsonNode ticketJson(long id) {
        return hub.get("/api/tickets/" + id).json();
    }

    private int asAgent(String cookieOrNull, String bearerOrNull) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url("/api/tickets"))).GET();
        if (cookieOrNull != null) {
            request.header("Cookie", cookieOrNull);
        }
        if (bearerOrNull != null) {
            request.header("Authorization", "Bearer " + bearerOrNull);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> logInAs(String email) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.url("/api/session")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void disabling_endsOpenSessionsAndTokensAtOnce_andRefusesLogin_reenablingRestores() throws Exception {
        long ann = agent("ann@test.local", "Ann Leaver");
        HttpResponse<String> login = logInAs("ann@test.local");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String token = hub.post("/api/agents/" + ann + "/token", Map.of()).json().get("token").asText();
        assertThat(asAgent(cookie, null)).isEqualTo(200);
        assertThat(asAgent(null, token)).isEqualTo(200);

        assertThat(hub.patch("/api/agents/" + ann, Map.of("active", false)).status()).isEqualTo(200);

        assertThat(asAgent(cookie, null)).isEqualTo(401);
        assertThat(asAgent(null, token)).isEqualTo(401);
        assertThat(logInAs("ann@test.local").statusCode()).isEqualTo(403);

        assertThat(hub.patch("/api/agents/" + ann, Map.of("active", true)).status()).isEqualTo(200);
        assertThat(logInAs("ann@test.local").statusCode()).isEqualTo(200);
        assertThat(asAgent(null, token)).as("a token lives on with its agent").isEqualTo(200);
    }

    @Test
    void disablingSomeoneWithOpenTickets_answers409WithTheCount_andChangesNothing() {
        long ann = agent("ann@test.local", "Ann Leaver");
        long first = assigned(ann);
        assigned(ann);
        TestHub.Response refused = hub.patch("/api/agents/" + ann, Map.of("active", false));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("has_open_tickets");
        assertThat(refused.json().get("count").asInt()).isEqualTo(2);
        assertThat(hub.get("/api/agents").json().findValues("active").stream().allMatch(JsonNode::asBoolean)).isTrue();
        assertThat(ticketJson(first).path("assignee").path("id").asLong()).isEqualTo(ann);
    }

    @Test
    void reassign_toAnAgent_movesTheOpenTickets_withATimelineEvent() {
        long ann = agent("ann@test.local", "Ann Leaver");
        long bob = agent("bob@test.local", "Bob Stays");
        long ticket = assigned(ann);
        assigned(ann);
        TestHub.Response moved = hub.post("/api/agents/" + ann + "/reassign", Map.of("to", Map.of("agentId", bob)));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("moved").asInt()).isEqualTo(2);
        JsonNode detail = ticketJson(ticket);
        assertThat(detail.path("assignee").path("id").asLong()).isEqualTo(bob);
        assertThat(detail.toString()).contains("handedOverFrom").contains("Ann Leaver");
        assertThat(hub.patch("/api/agents/" + ann, Map.of("active", false)).status()).isEqualTo(200);
    }

    @Test
    void reassign_toTheQueue_unassigns_andToAGroup_setsTheGroup() {
        long ann = agent("ann@test.local", "Ann Leaver");
        long ticket = assigned(ann);
        assertThat(hub.post("/api/agents/" + ann + "/reassign", Map.of("to", Map.of("queue", true))).json().get("moved").asInt())
                .isEqualTo(1);
        assertThat(ticketJson(ticket).path("assignee").isNull() || ticketJson(ticket).path("assignee").isMissingNode()).isTrue();

        long group = hub.post("/api/groups", Map.of("name", "Engineers")).json().get("id").asLong();
        long other = assigned(ann);
        assertThat(hub.post("/api/agents/" + ann + "/reassign", Map.of("to", Map.of("groupId", group))).json().get("moved").asInt())
                .isEqualTo(1);
        Long groupId = hub.app.transactions().read(handle -> handle.createQuery("select group_id from ticket where id = :id")
                .bind("id", other).mapTo(Long.class).one());
        assertThat(groupId).isEqualTo(group);
        assertThat(hub.post("/api/agents/" + ann + "/reassign", Map.of("to", Map.of("groupId", 999_999))).status()).isEqualTo(422);
    }

    @Test
    void disableWithReassign_movesAndDisablesInOneStep() {
        long ann = agent("ann@test.local", "Ann Leaver");
        long bob = agent("bob@test.local", "Bob Stays");
        long ticket = assigned(ann);
        TestHub.Response done = hub.patch("/api/agents/" + ann,
                Map.of("active", false, "reassign", Map.of("to", Map.of("agentId", bob))));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("active").asBoolean()).isFalse();
        assertThat(ticketJson(ticket).path("assignee").path("id").asLong()).isEqualTo(bob);
    }

    @Test
    void aDisabledAgent_cannotBeMadeResponsible_andAdminCannotDisableThemselves() {
        long ann = agent("ann@test.local", "Ann Leaver");
        hub.patch("/api/agents/" + ann, Map.of("active", false));
        long ticket = ticket("x1");
        TestHub.Response refused = hub.patch("/api/tickets/" + ticket, Map.of("assignee", ann));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("agent_disabled");
        assertThat(refused.json().get("message").asText()).contains("Ann Leaver is disabled");
        assertThat(hub.post("/api/agents/" + agent("bob@test.local", "Bob") + "/reassign",
                Map.of("to", Map.of("agentId", ann))).status()).isEqualTo(409);

        long me = hub.get("/api/session").json().get("id").asLong();
        assertThat(hub.patch("/api/agents/" + me, Map.of("active", false)).status()).isEqualTo(400);
    }

    @Test
    void concurrentAssignAndDisable_neverLeaveAnOpenTicketWithADisabledAssignee() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 6; round++) {
                long ann = agent("ann" + round + "@test.local", "Ann " + round);
                List<Long> tickets = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    tickets.add(ticket("r" + round + "-" + i));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (long ticket : tickets) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return hub.patch("/api/tickets/" + ticket, Map.of("assignee", ann)).status();
                    }));
                }
                Future<Integer> disable = pool.submit(() -> {
                    go.await();
                    return hub.patch("/api/agents/" + ann, Map.of("active", false,
                            "reassign", Map.of("to", Map.of("queue", true)))).status();
                });
                go.countDown();
                for (Future<Integer> result : results) {
                    assertThat(result.get()).isIn(200, 409);
                }
                assertThat(disable.get()).isEqualTo(200);
                long wrong = hub.app.transactions().read(handle -> handle.createQuery("select count(*) from ticket t "
                                + "join agent a on a.id = t.assignee_id where not a.active and t.status <> 'closed'")
                        .mapTo(Long.class).one());
                assertThat(wrong).as("open tickets assigned to a disabled agent, round " + round).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
