package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My groups' unassigned": the Unassigned view and its count hold the unassigned tickets of every group the agent is
 * in, and none of the others; the inbox's group filter keeps one group or the agent's; {@code ?line=} still answers.
 */
class InboxGroupsTest {

    static TestHub hub;
    static FormClient browser;
    static long inSupport;
    static long inBilling;
    static long inSales;
    static long takenInSupport;
    static long sales;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        // The admin (employee 1) leaves the migrated lines' groups and joins Support and Billing, not Sales.
        for (JsonNode group : hub.get("/api/groups").json()) {
            hub.patch("/api/groups/" + group.get("id").asLong(), Map.of("members", List.of()));
        }
        long support = hub.post("/api/groups", Map.of("name", "Support", "members", List.of(1))).json().get("id").asLong();
        long billing = hub.post("/api/groups", Map.of("name", "Billing", "members", List.of(1))).json().get("id").asLong();
        sales = hub.post("/api/groups", Map.of("name", "Sales")).json().get("id").asLong();
        inSupport = ticketIn(support, "Printer jams in support");
        inBilling = ticketIn(billing, "Invoice twice in billing");
        inSales = ticketIn(sales, "Discount question in sales");
        takenInSupport = ticketIn(support, "Taken already in support");
        hub.patch("/api/tickets/" + takenInSupport, Map.of("assignee", "me"));
        browser = new FormClient(hub.url(""));
        String token = FormClient.csrfOf(browser.get("/login"));
        HttpResponse<String> login = browser.postForm("/login", Map.of("_csrf", token, "email", TestHub.ADMIN_EMAIL,
                "password", TestHub.ADMIN_PASSWORD, "next", "/"));
        assertThat(login.statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static long ticketIn(long group, String subject) {
        TestHub.Response opened = hub.post("/api/tickets", Map.of("subject", subject,
                "contact", Map.of("name", "Customer of " + subject, "email", subject.replace(' ', '.') + "@example.com")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.json().get("id").asLong();
        assertThat(hub.patch("/api/tickets/" + id, Map.of("group", group)).status()).isEqualTo(200);
        return id;
    }

    @Test
    void unassignedCount_countsTheUnassignedTicketsOfBothOfTheAgentsGroups_andNotOfAThird() {
        JsonNode unassigned = hub.get("/api/tickets/counts").json().get("unassigned");
        assertThat(unassigned.toString()).isEqualTo("{\"count\":2,\"more\":false}");
    }

    @Test
    void unassignedView_listsTheUnassignedTicketsOfTheAgentsGroups_only() {
        String page = browser.get("/?view=unassigned").body();
        assertThat(page).contains("Printer jams in support", "Invoice twice in billing", "data-count=\"unassigned\">2</span>")
                .doesNotContain("Discount question in sales", "Taken already in support");
    }

    @Test
    void groupFilter_keepsOneGroup_orTheAgentsGroups() {
        assertThat(browser.get("/?view=open&group=" + sales).body()).contains("Discount question in sales")
                .doesNotContain("Printer jams in support", "Invoice twice in billing");
        assertThat(browser.get("/?view=open&group=mine").body())
                .contains("Printer jams in support", "Invoice twice in billing", "Taken already in support")
                .doesNotContain("Discount question in sales");
    }

    @Test
    void lineFilter_ofTheApi_stillAnswers() {
        List<Long> lineOne = new ArrayList<>();
        hub.get("/api/tickets?line=1&unassigned=true").json().get("items").forEach(item -> lineOne.add(item.get("id").asLong()));
        assertThat(lineOne).contains(inSupport, inBilling, inSales).doesNotContain(takenInSupport);
        assertThat(hub.get("/api/tickets?line=2").json().get("items")).isEmpty();
    }
}
