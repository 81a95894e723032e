package io.supporthub.hub.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tickets and groups: the default group of new tickets, escalate and send back by group, the derived line. */
class GroupTicketsTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void newTickets_goToTheDefaultGroup_fromTheApiAndInbound() {
        JsonNode opened = newTicket("default-1@example.com");
        assertThat(opened.get("group").get("name").asText()).isEqualTo("First line");
        assertThat(opened.get("line").asInt()).isEqualTo(1);

        long inbound = hub.inbound("grp-in-1", "Ina Inbound", "ina@example.com", "Hello").json().get("ticketId").asLong();
        assertThat(hub.get("/api/tickets/" + inbound).json().get("group").get("id").asLong()).isEqualTo(group("First line"));
    }

    @Test
    void anotherDefaultGroup_takesTheNewTickets_andNoneLeavesThemWithoutAGroup() {
        long engineers = hub.post("/api/groups", Map.of("name", "Engineers")).json().get("id").asLong();
        hub.patch("/api/settings", Map.of("defaultGroupId", engineers));
        try {
            assertThat(newTicket("default-2@example.com").get("group").get("name").asText()).isEqualTo("Engineers");
            hub.patch("/api/groups/" + engineers, Map.of("hidden", true));
            JsonNode whileHidden = newTicket("default-3@example.com");
            assertThat(whileHidden.get("group").isNull()).as("a hidden group takes no new tickets").isTrue();
            assertThat(whileHidden.get("line").asInt()).isEqualTo(1);
        } finally {
            hub.patch("/api/settings", Map.of("defaultGroupId", group("First line")));
        }
    }

    @Test
    void escalate_movesToTheEscalationGroup_andSendBack_returnsToTheGroupItCameFrom() {
        long engineers = hub.post("/api/groups", Map.of("name", "Field engineers")).json().get("id").asLong();
        long id = newTicket("escalate-1@example.com").get("id").asLong();
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            new GroupQueries(handle).moveTicket(id, new GroupQueries(handle).find(engineers).orElseThrow(), null,
                    hub.clock.instant());
            return null;
        });

        TestHub.Response escalated = hub.post("/api/tickets/" + id + "/escalate", Map.of("reason", "needs a database fix"));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.json().get("group").get("name").asText()).isEqualTo("Second line");
        assertThat(escalated.json().get("line").asInt()).isEqualTo(2);
        JsonNode detail = hub.get("/api/tickets/" + id).json();
        assertThat(detail.get("messages").toString()).contains("Escalated to Second line: needs a database fix");
        assertThat(detail.get("timeline").toString()).contains("escalated").contains("Field engineers");
        assertThat(ids("/api/tickets?line=2")).contains(id);

        assertThat(hub.post("/api/tickets/" + id + "/escalate", Map.of("reason", "again")).status()).as("already there").isEqualTo(409);

        JsonNode sentBack = hub.post("/api/tickets/" + id + "/escalate", Map.of("line", 1)).json();
        assertThat(sentBack.get("group").get("name").asText()).isEqualTo("Field engineers");
        assertThat(sentBack.get("line").asInt()).isEqualTo(1);
        assertThat(hub.get("/api/tickets/" + id).json().get("messages").toString()).contains("Sent back to Field engineers");
        assertThat(hub.post("/api/tickets/" + id + "/escalate", Map.of("line", 1)).status())
                .as("not in the escalation group").isEqualTo(409);
    }

    @Test
    void listsFilterByAGroup_orByTheGroupsImAMemberOf() {
        long support = hub.post("/api/groups", Map.of("name", "Billing")).json().get("id").asLong();
        long inMine = newTicket("filter-1@example.com").get("id").asLong();
        long inBilling = newTicket("filter-2@example.com").get("id").asLong();
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            new GroupQueries(handle).moveTicket(inBilling, new GroupQueries(handle).find(support).orElseThrow(), null,
                    hub.clock.instant());
            return null;
        });
        assertThat(ids("/api/tickets?group=mine")).contains(inMine).doesNotContain(inBilling);
        assertThat(ids("/api/tickets?group=" + support)).containsExactly(inBilling);
        assertThat(ids("/api/tickets?group=" + support + "&line=1")).containsExactly(inBilling);
        assertThat(hub.get("/api/tickets?group=someone").status()).isEqualTo(400);
    }

    @Test
    void patchGroup_movesTheTicketUnassigned_butNotIntoAHiddenGroup() {
        long sales = hub.post("/api/groups", Map.of("name", "Sales")).json().get("id").asLong();
        long id = newTicket("move-1@example.com").get("id").asLong();
        hub.patch("/api/tickets/" + id, Map.of("assignee", "me"));
        JsonNode moved = hub.patch("/api/tickets/" + id, Map.of("group", sales)).json();
        assertThat(moved.get("group").get("name").asText()).isEqualTo("Sales");
        assertThat(moved.get("assignee").isNull()).isTrue();
        assertThat(moved.get("line").asInt()).isEqualTo(1);
        assertThat(hub.get("/api/tickets/" + id).json().get("timeline").toString()).contains("moved").contains("Sales");

        hub.patch("/api/groups/" + sales, Map.of("hidden", true));
        long other = newTicket("move-2@example.com").get("id").asLong();
        TestHub.Response refused = hub.patch("/api/tickets/" + other, Map.of("group", sales));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("hidden");
        assertThat(hub.patch("/api/tickets/" + other, Map.of("group", group("Second line"))).json().get("line").asInt())
                .as("line derived from the escalation group").isEqualTo(2);
    }

    @Test
    void movingTheEscalationFlag_movesTheLinesOfTheListFilter() {
        long tier3 = hub.post("/api/groups", Map.of("name", "Tier three")).json().get("id").asLong();
        long inTier3 = newTicket("tier3-1@example.com").get("id").asLong();
        hub.patch("/api/tickets/" + inTier3, Map.of("group", tier3));
        long inSecond = newTicket("tier3-2@example.com").get("id").asLong();
        hub.patch("/api/tickets/" + inSecond, Map.of("group", group("Second line")));
        assertThat(ids("/api/tickets?line=1")).contains(inTier3).doesNotContain(inSecond);
        assertThat(ids("/api/tickets?line=2")).contains(inSecond).doesNotContain(inTier3);

        hub.patch("/api/groups/" + tier3, Map.of("escalationTarget", true));
        try {
            assertThat(ids("/api/tickets?line=2")).as("the new escalation group is line 2")
                    .contains(inTier3).doesNotContain(inSecond);
            assertThat(ids("/api/tickets?line=1")).contains(inSecond).doesNotContain(inTier3);
            assertThat(hub.get("/api/tickets/" + inTier3).json().get("line").asInt()).isEqualTo(2);
        } finally {
            hub.patch("/api/groups/" + group("Second line"), Map.of("escalationTarget", true));
        }
        assertThat(ids("/api/tickets?line=2")).contains(inSecond).doesNotContain(inTier3);
    }

    @Test
    void ticketsTheBackfillHasNotReached_areListedInTheirLinesGroup() {
        long id = newTicket("unfilled-1@example.com").get("id").asLong();
        long second = group("Second line");
        hub.app.database().jdbi().useHandle(handle -> {
            handle.execute("update ticket set group_id = null, line = 2, assignee_id = null where id = ?", id);
            handle.execute("update backfill set finished_at = null, end_id = ? where name = 'ticket_group'", id);
        });
        try {
            assertThat(hub.get("/api/tickets/" + id).json().get("group").get("id").asLong()).isEqualTo(second);
            assertThat(ids("/api/tickets?group=" + second)).contains(id);
            assertThat(ids("/api/tickets?line=2")).contains(id);
            assertThat(ids("/api/tickets?group=" + group("First line"))).doesNotContain(id);
            assertThat(ids("/api/tickets?unassigned=true&group=" + second)).contains(id);
        } finally {
            hub.app.database().jdbi().useHandle(handle -> {
                handle.execute("update ticket set group_id = ? where id = ?", second, id);
                handle.execute("update backfill set finished_at = now() where name = 'ticket_group'");
            });
        }
        assertThat(ids("/api/tickets?group=" + second)).as("filled, and the plain condition again").contains(id);
    }

    private static java.util.List<Long> ids(String path) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        hub.get(path).json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static JsonNode newTicket(String email) {
        TestHub.Response opened = hub.post("/api/tickets", Map.of("subject", "Group test " + email,
                "contact", Map.of("name", "Customer " + email, "email", email)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json();
    }

    private static long group(String name) {
        for (JsonNode group : hub.get("/api/groups").json()) {
            if (group.get("name").asText().equals(name)) {
                return group.get("id").asLong();
            }
        }
        throw new AssertionError("no group " + name);
    }
}
