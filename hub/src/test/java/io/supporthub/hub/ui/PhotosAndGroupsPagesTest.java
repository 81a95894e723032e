package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Employees' photos beside their names on every page (the top bar, the inbox's assignee, the ticket's assignee,
 * replies and observers), served by version so a browser keeps them; the top bar and the Employees page name the
 * employee's groups, and a new employee can be put in groups.
 */
class PhotosAndGroupsPagesTest {

    static TestHub hub;
    static FormClient browser;
    static String cookie;
    static long me;
    static long ticket;

    @BeforeAll
    static void start() throws Exception {
        hub = new TestHub();
        hub.logIn();
        me = hub.get("/api/session").json().get("id").asLong();
        browser = new FormClient(hub.url(""));
        String token = FormClient.csrfOf(browser.get("/login"));
        assertThat(browser.postForm("/login", Map.of("_csrf", token, "email", TestHub.ADMIN_EMAIL,
                "password", TestHub.ADMIN_PASSWORD, "next", "/")).statusCode()).isEqualTo(302);
        cookie = hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD))
                .headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.url("/api/me/photo")))
                .header("Cookie", cookie).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(204);
        ticket = hub.post("/api/tickets", Map.of("subject", "Photo beside my name", "text", "a note to start with",
                "contact", Map.of("name", "Paula Photo", "email", "paula@example.com"))).json().get("id").asLong();
        hub.patch("/api/tickets/" + ticket, Map.of("assignee", "me"));
        hub.post("/api/tickets/" + ticket + "/watch", Map.of());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static String photoUrl() {
        String inbox = browser.get("/").body();
        int at = inbox.indexOf("/api/agents/" + me + "/photo?v=");
        assertThat(at).as("the top bar shows my photo").isPositive();
        return inbox.substring(at, inbox.indexOf('"', at));
    }

    @Test
    void thePhotoIsBesideTheNameInTheTopBarTheInboxAndTheTicket() throws Exception {
        String url = photoUrl();
        String inbox = browser.get("/").body();
        String row = inbox.substring(inbox.indexOf("Photo beside my name"));
        assertThat(row.substring(0, Math.min(row.length(), 4000)))
                .as("the row's assignee").contains("<img src=\"" + url + "\"");
        String page = browser.get("/tickets/" + ticket).body();
        assertThat(page.split(java.util.regex.Pattern.quote("<img src=\"" + url + "\""), -1).length - 1)
                .as("the top bar, the assignee, the observer").isGreaterThanOrEqualTo(3);

        HttpResponse<byte[]> versioned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.url(url)))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        HttpResponse<byte[]> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(hub.url("/api/agents/" + me + "/photo"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("private, no-cache");
    }

    @Test
    void someoneWithoutAPhoto_showsTheirInitial() {
        long bea = hub.post("/api/agents", Map.of("email", "bea@agents.example", "name", "Bea Initial",
                "password", "correct horse battery staple")).json().get("id").asLong();
        long other = hub.post("/api/tickets", Map.of("subject", "Assigned to Bea",
                "contact", Map.of("email", "bea-customer@example.com"))).json().get("id").asLong();
        hub.patch("/api/tickets/" + other, Map.of("assignee", bea));
        String page = browser.get("/tickets/" + other).body();
        assertThat(page).doesNotContain("/api/agents/" + bea + "/photo").contains("<span class=\"avatar sm\">B</span>");
    }

    @Test
    void theTopBarAndTheEmployeesPageNameTheGroups_andANewEmployeeJoinsTheChosenGroups() {
        long night = hub.post("/api/groups", Map.of("name", "Night shift")).json().get("id").asLong();
        long second = group("Second line");
        TestHub.Response created = hub.post("/api/agents", Map.of("email", "gus@agents.example", "name", "Gus Groups",
                "password", "correct horse battery staple", "groups", List.of(night, second)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode groups = hub.get("/api/groups").json();
        long gus = created.json().get("id").asLong();
        for (JsonNode group : groups) {
            boolean member = group.get("members").toString().matches(".*\\b" + gus + "\\b.*");
            long id = group.get("id").asLong();
            assertThat(member).as(group.get("name").asText()).isEqualTo(id == night || id == second);
        }
        assertThat(created.json().get("line").asInt()).as("in the escalation group").isEqualTo(2);
        assertThat(hub.post("/api/agents", Map.of("email", "nobody@agents.example", "name", "No Group",
                "password", "correct horse battery staple", "groups", List.of(999_999))).status()).isEqualTo(422);
        assertThat(hub.post("/api/agents", Map.of("email", "bad@agents.example", "name", "Bad Groups",
                "password", "correct horse battery staple", "groups", "First line")).status()).isEqualTo(400);

        String employees = browser.get("/admin/agents").body();
        String gusRow = employees.substring(employees.indexOf("Gus Groups"));
        gusRow = gusRow.substring(0, gusRow.indexOf("</tr>"));
        assertThat(gusRow).contains("<span class=\"tag\">Second line</span>").contains("<span class=\"tag\">Night shift</span>")
                .doesNotContain("First line");
        assertThat(employees).doesNotContain("data-field=\"line\"").contains("name=\"groups\" multiple");
        assertThat(browser.get("/").body()).contains("id=\"my-groups\"").doesNotContain("· line ");
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
