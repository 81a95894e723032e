package io.supporthub.hub.observer;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ObserverApiTest {

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

    private static long ticket(String id) {
        return hub.inbound(id, "Customer " + id, id + "@example.com", "Help with " + id).json().get("ticketId").asLong();
    }

    private static long agent(String email, String name) {
        return hub.post("/api/agents", Map.of("email", email, "name", name, "password", "blue tractor morning"))
                .json().get("id").asLong();
    }

    private static List<String> observers(JsonNode node) {
        List<String> found = new ArrayList<>();
        node.forEach(o -> found.add(o.get("kind").asText() + ":" + o.get("id").asLong() + ":" + o.get("name").asText()));
        return found;
    }

    private static List<String> listIds(String query) {
        List<String> ids = new ArrayList<>();
        hub.get("/api/tickets?" + query).json().get("items").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    @Test
    void addingListingAndRemovingAnAgentObserver_showsInTheTicketsJsonAndTimeline() {
        long ticketId = ticket("obs-crud");
        long anna = agent("anna@test.local", "Anna Observer");

        TestHub.Response added = hub.post("/api/tickets/" + ticketId + "/observers", Map.of("agentId", anna));
        assertThat(added.status()).isEqualTo(201);
        assertThat(observers(added.json().get("items"))).containsExactly("agent:" + anna + ":Anna Observer");

        TestHub.Response again = hub.post("/api/tickets/" + ticketId + "/observers", Map.of("agentId", anna));
        assertThat(again.status()).as("adding the same observer again is idempotent").isEqualTo(200);
        assertThat(observers(again.json().get("items"))).hasSize(1);

        assertThat(observers(hub.get("/api/tickets/" + ticketId + "/observers").json().get("items")))
                .containsExactly("agent:" + anna + ":Anna Observer");
        JsonNode detail = hub.get("/api/tickets/" + ticketId).json();
        assertThat(observers(detail.get("observers"))).containsExactly("agent:" + anna + ":Anna Observer");

        TestHub.Response removed = hub.request("DELETE", "/api/tickets/" + ticketId + "/observers/agent/" + anna, null, Map.of());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("items")).isEmpty();
        assertThat(hub.request("DELETE", "/api/tickets/" + ticketId + "/observers/agent/" + anna, null, Map.of()).status())
                .as("removing an observer who is not there changes nothing").isEqualTo(200);

        List<String> kinds = new ArrayList<>();
        hub.get("/api/tickets/" + ticketId).json().get("timeline").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).containsSubsequence("observer_added", "observer_removed");
        assertThat(kinds.stream().filter("observer_added"::equals).count()).as("the repeated add wrote no event").isEqualTo(1);
    }

    @Test
    void unknownTicketsAndAgents_answer404_aDisabledAgentIsRefused_andTheBodyMustNameOne() {
        long ticketId = ticket("obs-refusals");
        assertThat(hub.post("/api/tickets/999999/observers", Map.of("agentId", 1)).status()).isEqualTo(404);
        assertThat(hub.post("/api/tickets/" + ticketId + "/observers", Map.of("agentId", 999999)).status()).isEqualTo(404);
        assertThat(hub.post("/api/tickets/" + ticketId + "/observers", Map.of()).status()).isEqualTo(400);
        assertThat(hub.post("/api/tickets/" + ticketId + "/observers", Map.of("agentId", 1, "groupId", 1)).status()).isEqualTo(400);
        assertThat(hub.request("DELETE", "/api/tickets/" + ticketId + "/observers/team/1", null, Map.of()).status()).isEqualTo(404);

        long leaver = agent("leaver@test.local", "Lee Leaver");
        assertThat(hub.patch("/api/agents/" + leaver, Map.of("active", false)).status()).isEqualTo(200);
        TestHub.Response refused = hub.post("/api/tickets/" + ticketId + "/observers", Map.of("agentId", leaver));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("disabled");
    }

    @Test
    void watchingOneself_isIdempotent_andFillsTheWatchingListAndCount() {
        long watched = ticket("obs-watch");
        long other = ticket("obs-not-watched");
        int before = hub.get("/api/tickets/counts").json().get("watching").get("count").asInt();

        assertThat(hub.post("/api/tickets/" + watched + "/watch", Map.of()).status()).isEqualTo(200);
        assertThat(hub.post("/api/tickets/" + watched + "/watch", Map.of()).status()).isEqualTo(200);
        assertThat(observers(hub.get("/api/tickets/" + watched).json().get("observers"))).hasSize(1);

        assertThat(listIds("watching=me")).contains(String.valueOf(watched)).doesNotContain(String.valueOf(other));
        assertThat(listIds("watching=me&status=open")).contains(String.valueOf(watched));
        assertThat(hub.get("/api/tickets/counts").json().get("watching").get("count").asInt()).isEqualTo(before + 1);

        List<String> kinds = new ArrayList<>();
        hub.get("/api/tickets/" + watched).json().get("timeline").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds.stream().filter("watch_started"::equals).count()).isEqualTo(1);

        assertThat(hub.request("DELETE", "/api/tickets/" + watched + "/watch", null, Map.of()).status()).isEqualTo(200);
        assertThat(hub.request("DELETE", "/api/tickets/" + watched + "/watch", null, Map.of()).status()).isEqualTo(200);
        assertThat(listIds("watching=me")).doesNotContain(String.valueOf(watched));
        assertThat(hub.get("/api/tickets/counts").json().get("watching").get("count").asInt()).isEqualTo(before);
    }

    @Test
    void aResolvedOrClosedWatchedTicket_leavesTheWatchingViewAndCount_staysInTheListOfEveryStatus_andReturnsWhenReopened() {
        long group = hub.post("/api/groups", Map.of("name", "Watchers of closed", "members", List.of(1))).json()
                .get("id").asLong();
        long byMe = ticket("obs-closed-me");
        long byGroup = ticket("obs-closed-group");
        hub.post("/api/tickets/" + byMe + "/watch", Map.of());
        hub.post("/api/tickets/" + byGroup + "/observers", Map.of("groupId", group));
        String view = "watching=me&status=open,pending,awaiting_reply,postponed";
        int before = hub.get("/api/tickets/counts").json().get("watching").get("count").asInt();

        setStatus("closed", byMe);
        setStatus("resolved", byGroup);
        assertThat(listIds(view)).doesNotContain(String.valueOf(byMe), String.valueOf(byGroup));
        assertThat(hub.get("/api/tickets/counts").json().get("watching").get("count").asInt()).isEqualTo(before - 2);
        assertThat(listIds("watching=me")).contains(String.valueOf(byMe), String.valueOf(byGroup));
        assertThat(listIds("watching=me&status=closed")).contains(String.valueOf(byMe)).doesNotContain(String.valueOf(byGroup));
        assertThat(listIds("watching=me&status=resolved")).contains(String.valueOf(byGroup));
        setStatus("closed", byGroup);
        assertThat(listIds(view)).as("resolved then closed").doesNotContain(String.valueOf(byGroup));

        long later = ticket("obs-closed-later");
        setStatus("closed", later);
        hub.post("/api/tickets/" + later + "/watch", Map.of());
        assertThat(listIds(view)).as("watched once closed").doesNotContain(String.valueOf(later));
        assertThat(listIds("watching=me")).contains(String.valueOf(later));

        setStatus("open", byMe, byGroup);
        assertThat(listIds(view)).contains(String.valueOf(byMe), String.valueOf(byGroup));
        assertThat(hub.get("/api/tickets/counts").json().get("watching").get("count").asInt()).isEqualTo(before);
    }

    @Test
    void aWatcherOfHundreds_getsTheSameLists_eachTicketOnce() {
        long watched = ticket("obs-many-watched");
        long done = ticket("obs-many-done");
        long unwatched = ticket("obs-many-not");
        setStatus("closed", done);
        String view = "watching=me&status=open,pending,awaiting_reply,postponed";
        List<String> viewBefore = listIds(view);
        int countBefore = hub.get("/api/tickets/counts").json().get("watching").get("count").asInt();
        // Hundreds of groups of the admin observing the same two tickets: past ObserverQueries.MANY_WATCHED
        // observations, the lists take the hashed form.
        hub.app.database().jdbi().useHandle(handle -> {
            handle.execute("insert into agent_group (name) select 'Many watchers ' || g from generate_series(1, ?) g",
                    ObserverQueries.MANY_WATCHED);
            handle.execute("insert into agent_group_member (group_id, agent_id) select id, 1 from agent_group "
                    + "where name like 'Many watchers %'");
            handle.execute("insert into ticket_observer (ticket_id, group_id, added_by, added_at) "
                    + "select t.id, g.id, 1, now() from agent_group g cross join ticket t "
                    + "where g.name like 'Many watchers %' and t.id in (?, ?)", watched, done);
        });
        try {
            List<String> viewNow = listIds(view);
            assertThat(viewNow).containsOnlyOnce(String.valueOf(watched)).doesNotContain(String.valueOf(done),
                    String.valueOf(unwatched));
            assertThat(viewNow).containsAll(viewBefore);
            assertThat(listIds("watching=me")).containsOnlyOnce(String.valueOf(watched), String.valueOf(done))
                    .doesNotContain(String.valueOf(unwatched));
            assertThat(hub.get("/api/tickets/counts").json().get("watching").get("count").asInt())
                    .as("each ticket counted once").isEqualTo(countBefore + (viewBefore.contains(String.valueOf(watched)) ? 0 : 1));
        } finally {
            hub.app.database().jdbi().useHandle(handle -> {
                handle.execute("delete from ticket_observer where group_id in (select id from agent_group where name like 'Many watchers %')");
                handle.execute("delete from agent_group_member where group_id in (select id from agent_group where name like 'Many watchers %')");
                handle.execute("delete from agent_group where name like 'Many watchers %'");
            });
        }
    }

    /** A status written as the timers and the reopening path write it (the observers' flag follows in the database). */
    private static void setStatus(String status, long... ids) {
        hub.app.database().jdbi().useHandle(handle -> {
            for (long id : ids) {
                handle.execute("update ticket set status = ? where id = ?", status, id);
            }
        });
    }

    @Test
    void aGroupObserver_isListedWithItsNameAndKind_andRemoved() {
        long ticketId = ticket("obs-group");
        long group = hub.post("/api/groups", Map.of("name", "Observing engineers")).json().get("id").asLong();
        TestHub.Response added = hub.post("/api/tickets/" + ticketId + "/observers", Map.of("groupId", group));
        assertThat(added.status()).isEqualTo(201);
        assertThat(observers(added.json().get("items"))).containsExactly("group:" + group + ":Observing engineers");
        assertThat(hub.post("/api/tickets/" + ticketId + "/observers", Map.of("groupId", group)).status())
                .as("adding the same group again is idempotent").isEqualTo(200);
        assertThat(hub.request("DELETE", "/api/tickets/" + ticketId + "/observers/group/" + group, null, Map.of())
                .json().get("items")).isEmpty();
    }

    @Test
    void anUnknownGroup_answers404_andAHiddenOneCannotStartObserving() {
        long ticketId = ticket("obs-group-refusals");
        TestHub.Response unknown = hub.post("/api/tickets/" + ticketId + "/observers", Map.of("groupId", 999_999));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("no group 999999");

        long hidden = hub.post("/api/groups", Map.of("name", "Retired team")).json().get("id").asLong();
        hub.patch("/api/groups/" + hidden, Map.of("hidden", true));
        TestHub.Response refused = hub.post("/api/tickets/" + ticketId + "/observers", Map.of("groupId", hidden));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("hidden");
    }

    @Test
    void aTicketObservedByAGroup_isInItsMembersWatchingListAndCount_notInOthers() {
        long watched = ticket("obs-group-watch");
        long notMine = ticket("obs-group-other");
        long mine = hub.post("/api/groups", Map.of("name", "My watchers", "members", List.of(1))).json().get("id").asLong();
        long others = hub.post("/api/groups", Map.of("name", "Their watchers")).json().get("id").asLong();
        int before = hub.get("/api/tickets/counts").json().get("watching").get("count").asInt();

        hub.post("/api/tickets/" + watched + "/observers", Map.of("groupId", mine));
        hub.post("/api/tickets/" + notMine + "/observers", Map.of("groupId", others));

        assertThat(listIds("watching=me")).contains(String.valueOf(watched)).doesNotContain(String.valueOf(notMine));
        assertThat(hub.get("/api/tickets/counts").json().get("watching").get("count").asInt()).isEqualTo(before + 1);
        hub.post("/api/tickets/" + watched + "/watch", Map.of());
        assertThat(listIds("watching=me").stream().filter(String.valueOf(watched)::equals).count())
                .as("watched both directly and through the group, listed once").isEqualTo(1);
        assertThat(hub.get("/api/tickets/counts").json().get("watching").get("count").asInt()).isEqualTo(before + 1);
    }

    @Test
    void theMembersOfAnObservingGroup_areToldLiveOfACustomerMessage() throws Exception {
        long ticketId = ticket("obs-group-live");
        long group = hub.post("/api/groups", Map.of("name", "Live watchers", "members", List.of(1))).json().get("id").asLong();
        hub.post("/api/tickets/" + ticketId + "/observers", Map.of("groupId", group));
        BlockingQueue<String> lines = events();

        hub.inbound("obs-group-live-2", "Customer obs-group-live", "obs-group-live@example.com", "Group, any news?");

        assertThat(awaitLine(lines, "event: watched")).isTrue();
        assertThat(awaitLine(lines, "Group, any news?")).isTrue();
    }

    @Test
    void anObserver_isToldLiveOfANewCustomerMessageOnTheWatchedTicket() throws Exception {
        long ticketId = ticket("obs-live");
        hub.post("/api/tickets/" + ticketId + "/watch", Map.of());
        BlockingQueue<String> lines = events();

        hub.inbound("obs-live-2", "Customer obs-live", "obs-live@example.com", "Any news on this?");

        assertThat(awaitLine(lines, "event: watched")).isTrue();
        assertThat(awaitLine(lines, "Any news on this?")).isTrue();
    }

    /** Agent 1's event stream, connected. */
    private static BlockingQueue<String> events() throws InterruptedException {
        String token = hub.post("/api/agents/1/token", Map.of()).json().get("token").asText();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(hub.url("/api/events")))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
        assertThat(awaitLine(lines, "connected")).isTrue();
        return lines;
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(expected)) {
                return true;
            }
        }
        return false;
    }
}
