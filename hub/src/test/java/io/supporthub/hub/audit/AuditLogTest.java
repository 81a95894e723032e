package io.supporthub.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What admins change and who logs in, with who, when, from where and what changed; listed for admins only. */
class AuditLogTest {

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

    private static JsonNode items(String query) {
        TestHub.Response response = hub.get("/api/audit?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items");
    }

    @Test
    void loginsSucceededAndFailed_areRecordedWithTheClientAddress() {
        hub.post("/api/session", Map.of("email", "nobody@test.local", "password", "guess"));
        hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL, "password", "wrong password"));
        hub.logIn();

        JsonNode failed = items("action=login.failed&actor=nobody@test.local");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("actorAgentId").isNull()).isTrue();
        assertThat(failed.get(0).get("note").asText()).contains("wrong email or password");
        assertThat(failed.get(0).get("clientAddress").asText()).isEqualTo("127.0.0.1");

        JsonNode admins = items("action=login&actor=" + TestHub.ADMIN_EMAIL);
        assertThat(admins).extracting(e -> e.get("action").asText()).startsWith("login.succeeded", "login.failed");
        assertThat(admins.get(0).get("actorAgentId").asLong()).isPositive();
        assertThat(admins.get(0).get("at").asText()).isNotBlank();
    }

    @Test
    void agentChanges_keepTheAgentBeforeAndAfter_andNeverAPasswordOrToken() {
        long id = hub.post("/api/agents", Map.of("email", "audited@test.local", "name", "Audited Agent",
                "password", "a long enough password")).json().get("id").asLong();
        hub.patch("/api/agents/" + id, Map.of("role", "admin", "password", "another long password"));
        String token = hub.post("/api/agents/" + id + "/token", Map.of()).json().get("token").asText();

        JsonNode entries = items("action=agent");
        JsonNode tokenEntry = entries.get(0);
        assertThat(tokenEntry.get("action").asText()).isEqualTo("agent.token_created");
        assertThat(tokenEntry.get("target").asText()).isEqualTo("agent:" + id);
        JsonNode updated = entries.get(1);
        assertThat(updated.get("action").asText()).isEqualTo("agent.updated");
        assertThat(updated.get("before").get("role").asText()).isEqualTo("specialist");
        assertThat(updated.get("after").get("role").asText()).isEqualTo("admin");
        assertThat(updated.get("note").asText()).isEqualTo("password set");
        assertThat(updated.get("actorEmail").asText()).isEqualTo(TestHub.ADMIN_EMAIL);
        JsonNode created = entries.get(2);
        assertThat(created.get("action").asText()).isEqualTo("agent.created");
        assertThat(created.get("before").isNull()).isTrue();
        assertThat(created.get("after").get("email").asText()).isEqualTo("audited@test.local");

        String everything = hub.get("/api/audit?limit=200").body();
        assertThat(everything).doesNotContain(token).doesNotContain("another long password")
                .doesNotContain("a long enough password").doesNotContain("correct horse battery");
    }

    @Test
    void cannedRepliesListsAndSettings_areRecorded_butRefusedChangesAreNot() {
        long groupId = hub.post("/api/canned/groups", Map.of("name", "Audited")).json().get("id").asLong();
        long replyId = hub.post("/api/canned/replies", Map.of("groupId", groupId, "title", "Hi",
                "body", "Hello {{customer.name}}")).json().get("id").asLong();
        hub.patch("/api/canned/replies/" + replyId, Map.of("body", "Good day {{customer.name}}"));
        assertThat(hub.patch("/api/canned/replies/" + replyId, Map.of("body", "{{nope}}")).status()).isEqualTo(400);
        hub.request("DELETE", "/api/canned/replies/" + replyId, null, Map.of());
        long typeId = hub.post("/api/types", Map.of("name", "Audited type")).json().get("id").asLong();
        hub.request("PUT", "/api/notifications", Map.of("companyName", "Audited Co"), Map.of());

        JsonNode replies = items("action=canned_reply");
        assertThat(replies).extracting(e -> e.get("action").asText())
                .containsExactly("canned_reply.deleted", "canned_reply.updated", "canned_reply.created");
        assertThat(replies.get(0).get("before").get("body").asText()).isEqualTo("Good day {{customer.name}}");
        assertThat(replies.get(1).get("before").get("body").asText()).isEqualTo("Hello {{customer.name}}");
        assertThat(replies.get(1).get("after").get("body").asText()).isEqualTo("Good day {{customer.name}}");
        assertThat(items("action=type.created").get(0).get("target").asText()).isEqualTo("type:" + typeId);
        JsonNode settings = items("action=settings").get(0);
        assertThat(settings.get("target").asText()).isEqualTo("settings:notifications");
        assertThat(settings.get("after").get("companyName").asText()).isEqualTo("Audited Co");
        assertThat(settings.get("after").has("defaults")).isFalse();
    }

    @Test
    void pages_followTheKeyset_andFiltersByTimeAndBadInputAnswer400() {
        for (int i = 0; i < 3; i++) {
            hub.post("/api/canned/groups", Map.of("name", "Paged " + i));
        }
        TestHub.Response first = hub.get("/api/audit?action=canned_group.created&limit=2");
        String next = first.json().get("next").asText();
        JsonNode second = items("action=canned_group.created&limit=2&after=" + next);
        assertThat(second.get(0).get("id").asLong()).isLessThan(Long.parseLong(next));
        List<Long> ids = new java.util.ArrayList<>();
        first.json().get("items").forEach(e -> ids.add(e.get("id").asLong()));
        second.forEach(e -> ids.add(e.get("id").asLong()));
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(items("from=2999-01-01")).isEmpty();
        assertThat(items("to=2000-01-01")).isEmpty();
        assertThat(items("from=2000-01-01T00:00:00Z&action=canned_group.created")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(hub.get("/api/audit?limit=0").status()).isEqualTo(400);
        assertThat(hub.get("/api/audit?from=yesterday").json().get("message").asText()).contains("'from'");
        assertThat(hub.get("/api/audit?after=x").status()).isEqualTo(400);
    }

    @Test
    void onlyAdmins_readTheLog() throws Exception {
        hub.post("/api/agents", Map.of("email", "plain@test.local", "name", "Plain", "password", "a long enough password"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(hub.url("/api/session")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"plain@test.local\", \"password\": \"a long enough password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> audit = http.send(HttpRequest.newBuilder(URI.create(hub.url("/api/audit")))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).isEqualTo(403);
    }

    @Test
    void rowsOlderThanTheRetention_areDeleted() {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.execute(
                "insert into audit_log (at, actor_email, action) values (now() - interval '400 days', 'old@test.local', 'login.failed')"));
        assertThat(items("actor=old@test.local")).hasSize(1);
        assertThat(hub.app.audit().deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(items("actor=old@test.local")).isEmpty();
    }
}
