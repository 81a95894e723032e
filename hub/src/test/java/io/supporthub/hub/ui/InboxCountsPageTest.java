package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sidebar's view counts at a small bound: a full view reads "2+", the others their exact count. */
class InboxCountsPageTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(Map.of("INBOX_COUNT_LIMIT", "3"), false, Instant.parse("2026-11-02T09:00:00Z"));
        hub.logIn();
        for (int i = 0; i < 4; i++) {
            hub.inbound("count-" + i, "Counted " + i, "counted" + i + "@example.com", "Counted question " + i);
        }
        long pending = hub.inbound("count-pending", "Waiting", "waiting@example.com", "Waiting question").json().get("ticketId").asLong();
        hub.post("/api/tickets/" + pending + "/status", Map.of("status", "pending"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void inboxPage_showsAFullViewAsTheBoundLessOnePlus_andOthersExactly() {
        FormClient browser = new FormClient(hub.url(""));
        String token = FormClient.csrfOf(browser.get("/login"));
        HttpResponse<String> login = browser.postForm("/login", Map.of("_csrf", token, "email", TestHub.ADMIN_EMAIL,
                "password", TestHub.ADMIN_PASSWORD, "next", "/"));
        assertThat(login.statusCode()).isEqualTo(302);
        String page = browser.get("/?view=open").body();
        assertThat(page).contains("data-count=\"open\">2+</span>", "data-count=\"unassigned\">2+</span>",
                "data-count=\"pending\">1</span>", "data-count=\"postponed\">0</span>", "data-count=\"mine\">0</span>");
    }

    @Test
    void countsRoute_answersEachViewWithItsCountAndWhetherThereAreMore() {
        TestHub.Response counts = hub.get("/api/tickets/counts");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.json().get("open").toString()).isEqualTo("{\"count\":2,\"more\":true}");
        assertThat(counts.json().get("pending").toString()).isEqualTo("{\"count\":1,\"more\":false}");
    }
}
