package io.supporthub.hub.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.web.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is responsible for a ticket: replying or resolving takes an unassigned one, "take" assigns it to oneself,
 * escalation needs a reason and keeps the escalating agent watching, "send back" returns the ticket to them, and a
 * reopened ticket goes back to its last assignee while they are active. Each change is named on the timeline.
 */
class OwnershipTest {

    private static final String PASSWORD = "a long enough one";

    TestHub hub;
    long admin;

    @BeforeEach
    void start() {
        hub = new TestHub();
        hub.logIn();
        admin = hub.get("/api/session").json().path("id").asLong();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    // --- reply and resolve take an unassigned ticket ---

    @Test
    void aReplyOnAnUnassignedTicket_makesTheReplierItsAssignee_withATookEvent() {
        Agent ann = agent("ann@test.local", "Ann Replier");
        long id = ticket("reply-1");
        assertThat(assigneeId(id)).isNull();

        TestHub.Response reply = ann.post("/api/tickets/" + id + "/replies", Map.of("text", "We are on it"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        assertThat(assigneeId(id)).isEqualTo(ann.id);
        JsonNode took = lastEvent(id, "took");
        assertThat(took.path("actorAgentId").asLong()).isEqualTo(ann.id);
        assertThat(detail(took).path("reason").asText()).isEqualTo("replied");
        assertThat(page(id)).contains("took the ticket (replied while unassigned)");

        // Someone else's reply on a ticket that has an assignee changes nothing about who has it.
        Agent bob = agent("bob@test.local", "Bob Other");
        assertThat(bob.post("/api/tickets/" + id + "/replies", Map.of("text", "Adding a detail")).status()).isEqualTo(201);
        assertThat(assigneeId(id)).isEqualTo(ann.id);
        assertThat(events(id, "took")).hasSize(1);
    }

    @Test
    void aNoteDoesNotTakeTheTicket() {
        Agent ann = agent("ann@test.local", "Ann Noter");
        long id = ticket("note-1");
        assertThat(ann.post("/api/tickets/" + id + "/notes", Map.of("text", "internal")).status()).isEqualTo(201);
        assertThat(assigneeId(id)).isNull();
        assertThat(events(id, "took")).isEmpty();
    }

    @Test
    void resolving_byStatus_byACustomResolvedStatus_orByReplyAndResolve_takesAnUnassignedTicket() {
        Agent ann = agent("ann@test.local", "Ann Resolver");
        long byStatus = ticket("resolve-1");
        assertThat(ann.post("/api/tickets/" + byStatus + "/status", Map.of("status", "resolved")).status()).isEqualTo(200);
        assertThat(assigneeId(byStatus)).isEqualTo(ann.id);
        assertThat(detail(lastEvent(byStatus, "took")).path("reason").asText()).isEqualTo("resolved");
        assertThat(page(byStatus)).contains("took the ticket (resolved while unassigned)");

        assertThat(hub.post("/api/statuses", Map.of("name", "Solved by phone", "base", "resolved", "color", "#118833"))
                .status()).isEqualTo(201);
        long custom = ticket("resolve-2");
        TestHub.Response resolved = ann.post("/api/tickets/" + custom + "/status", Map.of("status", "Solved by phone"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(assigneeId(custom)).isEqualTo(ann.id);

        long withReply = ticket("resolve-3");
        assertThat(ann.post("/api/tickets/" + withReply + "/replies", Map.of("text", "Done", "resolve", true)).status())
                .isEqualTo(201);
        assertThat(assigneeId(withReply)).isEqualTo(ann.id);
        assertThat(events(withReply, "took")).hasSize(1);
        assertThat(hub.get("/api/tickets/" + withReply).json().path("status").asText()).isEqualTo("resolved");

        // Other status changes take nothing.
        long pending = ticket("resolve-4");
        assertThat(ann.post("/api/tickets/" + pending + "/status", Map.of("status", "pending")).status()).isEqualTo(200);
        assertThat(assigneeId(pending)).isNull();
    }

    // --- take ---

    @Test
    void take_assignsToOneself_isIdempotent_andTakesOverFromAnotherAssignee_namingThem() {
        Agent ann = agent("ann@test.local", "Ann Taker");
        Agent bob = agent("bob@test.local", "Bob Taker");
        long id = ticket("take-1");

        TestHub.Response taken = ann.post("/api/tickets/" + id + "/take", Map.of());
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().path("assignee").path("id").asLong()).isEqualTo(ann.id);
        assertThat(events(id, "took")).hasSize(1);
        assertThat(page(id)).contains("Ann Taker</b> took the ticket<");

        TestHub.Response again = ann.post("/api/tickets/" + id + "/take", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("assignee").path("id").asLong()).isEqualTo(ann.id);
        assertThat(events(id, "took")).as("already hers: no event").hasSize(1);

        assertThat(bob.post("/api/tickets/" + id + "/take", Map.of()).status()).isEqualTo(200);
        assertThat(assigneeId(id)).isEqualTo(bob.id);
        JsonNode takeOver = lastEvent(id, "took");
        assertThat(detail(takeOver).path("from").path("name").asText()).isEqualTo("Ann Taker");
        assertThat(page(id)).contains("took the ticket from Ann Taker");

        assertThat(ann.post("/api/tickets/999999/take", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aClosedTicketCannotBeTaken() {
        Agent ann = agent("ann@test.local", "Ann Late");
        long id = ticket("take-closed");
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "resolved"));
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "closed"));
        TestHub.Response refused = ann.post("/api/tickets/" + id + "/take", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(assigneeId(id)).isEqualTo(admin);
    }

    // --- escalation ---

    @Test
    void escalation_withoutAReason_is400_andNothingMoves() {
        long id = ticket("esc-none");
        for (Object body : List.of(Map.of(), Map.of("reason", "   "), Map.of("line", 2))) {
            TestHub.Response refused = hub.post("/api/tickets/" + id + "/escalate", body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).contains("'reason' is required");
        }
        assertThat(hub.request("POST", "/api/tickets/" + id + "/escalate", "", Map.of()).status()).isEqualTo(400);
        TestHub.Response tooLong = hub.post("/api/tickets/" + id + "/escalate", Map.of("reason", "x".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("message").asText()).contains("at most 1000");
        assertThat(hub.get("/api/tickets/" + id).json().path("line").asInt()).isEqualTo(1);
        assertThat(events(id, "escalated")).isEmpty();
    }

    @Test
    void escalation_keepsTheEscalatingAgentAsObserver_andSendBack_returnsTheTicketToThem() {
        Agent ann = agent("ann@test.local", "Ann Escalates");
        Agent bob = agent("bob@test.local", "Bob Second");
        long id = ticket("esc-1");
        ann.post("/api/tickets/" + id + "/take", Map.of());

        TestHub.Response escalated = ann.post("/api/tickets/" + id + "/escalate", Map.of("reason", "refund needs approval"));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.json().path("line").asInt()).isEqualTo(2);
        assertThat(escalated.json().path("assignee").isNull() || escalated.json().path("assignee").isMissingNode()).isTrue();
        JsonNode observers = hub.get("/api/tickets/" + id + "/observers").json();
        assertThat(observers.toString()).contains("\"kind\":\"agent\"").contains("Ann Escalates");
        assertThat(events(id, "watch_started")).hasSize(1);
        assertThat(lastEvent(id, "watch_started").path("actorAgentId").asLong()).isEqualTo(ann.id);
        assertThat(page(id)).contains("escalated to Second line: refund needs approval");

        bob.post("/api/tickets/" + id + "/take", Map.of());
        TestHub.Response sentBack = bob.post("/api/tickets/" + id + "/escalate", Map.of("line", 1));
        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        assertThat(sentBack.json().path("line").asInt()).isEqualTo(1);
        assertThat(sentBack.json().path("assignee").path("id").asLong()).isEqualTo(ann.id);
        JsonNode event = detail(lastEvent(id, "sent_back"));
        assertThat(event.path("assignee").path("name").asText()).isEqualTo("Ann Escalates");
        assertThat(event.path("fromAssignee").path("name").asText()).isEqualTo("Bob Second");
        assertThat(page(id)).contains("sent back to First line (back to Ann Escalates, who escalated it)");
    }

    @Test
    void sendBack_whenTheEscalatingAgentIsDisabled_leavesTheTicketUnassignedInTheGroup() {
        Agent ann = agent("ann@test.local", "Ann Leaves");
        long id = ticket("esc-2");
        assertThat(ann.post("/api/tickets/" + id + "/escalate", Map.of("reason", "needs a developer")).status())
                .isEqualTo(200);
        TestHub.Response disabled = hub.patch("/api/agents/" + ann.id, Map.of("active", false));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

        TestHub.Response sentBack = hub.post("/api/tickets/" + id + "/escalate", Map.of("line", 1));
        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        assertThat(sentBack.json().path("group").path("name").asText()).isEqualTo("First line");
        assertThat(sentBack.json().path("assignee").isNull() || sentBack.json().path("assignee").isMissingNode()).isTrue();
        JsonNode event = detail(lastEvent(id, "sent_back"));
        assertThat(event.path("escalatedBy").path("name").asText()).isEqualTo("Ann Leaves");
        assertThat(event.has("assignee")).isFalse();
        assertThat(page(id)).contains("(unassigned: Ann Leaves, who escalated it, is disabled)");
    }

    @Test
    void repliesRacingTheRepliersDisable_neverLeaveAnOpenTicketWithADisabledAssignee() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 4; round++) {
                Agent ann = agent("race" + round + "@test.local", "Ann Race " + round);
                List<Long> tickets = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    tickets.add(ticket("race-" + round + "-" + i));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> replies = new ArrayList<>();
                for (long ticket : tickets) {
                    replies.add(pool.submit(() -> {
                        go.await();
                        return ann.post("/api/tickets/" + ticket + "/replies", Map.of("text", "on it")).status();
                    }));
                }
                Future<Integer> disable = pool.submit(() -> {
                    go.await();
                    return hub.patch("/api/agents/" + ann.id, Map.of("active", false)).status();
                });
                go.countDown();
                for (Future<Integer> reply : replies) {
                    assertThat(reply.get(30, TimeUnit.SECONDS)).isIn(201, 401);
                }
                int disabled = disable.get(30, TimeUnit.SECONDS);
                assertThat(disabled).isIn(200, 409);
                long held = hub.app.transactions().read(handle -> handle.createQuery(
                                "select count(*) from ticket where assignee_id = :id and status <> 'closed'")
                        .bind("id", ann.id).mapTo(Long.class).one());
                if (disabled == 200) {
                    assertThat(held).as("round " + round + ": a disabled agent took a ticket").isZero();
                } else {
                    assertThat(held).as("round " + round + ": refused because she had taken some").isPositive();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- reopen ---

    @Test
    void aReopenedTicket_goesBackToItsLastAssignee_andTheTimelineSaysHowLongAfter() {
        Agent ann = agent("ann@test.local", "Ann Keeps");
        long id = ticket("reopen-1");
        ann.post("/api/tickets/" + id + "/replies", Map.of("text", "Fixed", "resolve", true));
        assertThat(hub.get("/api/tickets/" + id).json().path("status").asText()).isEqualTo("resolved");

        hub.clock.advance(Duration.ofDays(2).plusHours(3));
        JsonNode again = hub.inbound("reopen-1-b", "Customer reopen-1", "reopen-1@customer.test", "It broke again").json();
        assertThat(again.path("outcome").asText()).isEqualTo("reopened");
        assertThat(again.path("ticketId").asLong()).isEqualTo(id);

        assertThat(hub.get("/api/tickets/" + id).json().path("status").asText()).isEqualTo("open");
        assertThat(assigneeId(id)).isEqualTo(ann.id);
        JsonNode reopened = detail(lastEvent(id, "reopened"));
        assertThat(reopened.path("by").asText()).isEqualTo("message");
        assertThat(reopened.path("afterSeconds").asLong()).isEqualTo(Duration.ofDays(2).plusHours(3).toSeconds());
        assertThat(reopened.path("assignee").path("name").asText()).isEqualTo("Ann Keeps");
        assertThat(page(id)).contains("reopened: the customer wrote 2 days after resolution");
    }

    @Test
    void aReopenedTicket_whoseLastAssigneeIsDisabled_waitsUnassignedInItsGroup() {
        Agent ann = agent("ann@test.local", "Ann Gone");
        long id = ticket("reopen-2");
        ann.post("/api/tickets/" + id + "/status", Map.of("status", "resolved"));
        assertThat(ann.post("/api/tickets/" + id + "/status", Map.of("status", "closed")).status()).isEqualTo(200);
        assertThat(assigneeId(id)).isEqualTo(ann.id);
        TestHub.Response disabled = hub.patch("/api/agents/" + ann.id, Map.of("active", false));
        assertThat(disabled.status()).as("a closed ticket is no open ticket: " + disabled.body()).isEqualTo(200);

        hub.clock.advance(Duration.ofHours(5));
        JsonNode again = hub.inbound("reopen-2-b", "Customer reopen-2", "reopen-2@customer.test", "Still broken").json();
        assertThat(again.path("outcome").asText()).isEqualTo("reopened");

        assertThat(assigneeId(id)).isNull();
        assertThat(hub.get("/api/tickets/" + id).json().path("group").path("name").asText()).isEqualTo("First line");
        JsonNode reopened = detail(lastEvent(id, "reopened"));
        assertThat(reopened.path("droppedAssignee").path("name").asText()).isEqualTo("Ann Gone");
        assertThat(page(id)).contains("reopened: the customer wrote 5 hours after it was closed; unassigned, as Ann Gone is disabled");
        assertThat(ids("/api/tickets?unassigned=true&scope=all")).contains(id);
    }

    // --- updates name from and to ---

    @Test
    void updates_recordFromAndTo_andThePageNamesThem() {
        Agent bob = agent("bob@test.local", "Bob Next");
        long id = ticket("update-1");
        hub.patch("/api/tickets/" + id, Map.of("assignee", "me"));
        assertThat(hub.patch("/api/tickets/" + id, Map.of("priority", "high", "type", "question", "assignee", bob.id))
                .status()).isEqualTo(200);
        JsonNode changes = detail(lastEvent(id, "updated"));
        assertThat(changes.path("priority").path("from").asText()).isEqualTo("normal");
        assertThat(changes.path("priority").path("to").asText()).isEqualTo("high");
        assertThat(changes.path("type").path("from").isNull()).isTrue();
        assertThat(changes.path("type").path("to").asText()).isEqualTo("question");
        assertThat(changes.path("assignee").path("from").path("name").asText()).isEqualTo("Administrator");
        assertThat(changes.path("assignee").path("to").path("id").asLong()).isEqualTo(bob.id);
        assertThat(page(id)).contains("assignee Administrator → Bob Next, type — → question, priority normal → high");

        hub.patch("/api/tickets/" + id, Map.of("subject", "Parcel lost"));
        assertThat(page(id)).contains("subject “help” → “Parcel lost”");

        String until = hub.clock.instant().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        assertThat(hub.post("/api/tickets/" + id + "/status", Map.of("status", "postponed", "until", until)).status())
                .isEqualTo(200);
        String label = java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(until)) + " UTC";
        assertThat(page(id)).contains("postponed until " + label);
    }

    // --- helpers ---

    /** Another agent, calling the API with their own token. */
    record Agent(TestHub hub, long id, String token) {
        TestHub.Response post(String path, Object body) {
            return hub.request("POST", path, body, Map.of("Authorization", "Bearer " + token));
        }
    }

    private Agent agent(String email, String name) {
        long id = hub.post("/api/agents", Map.of("email", email, "name", name, "password", PASSWORD)).json().get("id").asLong();
        String token = hub.post("/api/agents/" + id + "/token", Map.of()).json().get("token").asText();
        return new Agent(hub, id, token);
    }

    private long ticket(String externalId) {
        return hub.inbound(externalId, "Customer " + externalId, externalId + "@customer.test", "help").json()
                .get("ticketId").asLong();
    }

    private Long assigneeId(long id) {
        JsonNode assignee = hub.get("/api/tickets/" + id).json().path("assignee");
        return assignee.isObject() ? assignee.path("id").asLong() : null;
    }

    private List<JsonNode> events(long id, String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : hub.get("/api/tickets/" + id).json().path("timeline")) {
            if (kind.equals(event.path("kind").asText())) {
                found.add(event);
            }
        }
        return found;
    }

    private JsonNode lastEvent(long id, String kind) {
        List<JsonNode> found = events(id, kind);
        assertThat(found).as("a " + kind + " event").isNotEmpty();
        return found.get(found.size() - 1);
    }

    private static JsonNode detail(JsonNode event) {
        JsonNode detail = event.path("detail");
        try {
            return detail.isTextual() ? Json.MAPPER.readTree(detail.asText()) : detail;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private String page(long id) {
        TestHub.Response page = hub.get("/tickets/" + id);
        assertThat(page.status()).isEqualTo(200);
        return page.body().replace("&rarr;", "→");
    }

    private List<Long> ids(String path) {
        List<Long> ids = new ArrayList<>();
        hub.get(path).json().path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }
}
