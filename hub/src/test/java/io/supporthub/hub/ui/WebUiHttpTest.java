package io.supporthub.hub.ui;

import io.supporthub.channels.Attachment;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages over plain HTTP: login redirect, CSRF on forms, escaping, and the UI's small API additions. */
class WebUiHttpTest {

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

    private static FormClient loggedIn() {
        FormClient browser = new FormClient(hub.url(""));
        String token = FormClient.csrfOf(browser.get("/login"));
        HttpResponse<String> login = browser.postForm("/login", Map.of("_csrf", token, "email", TestHub.ADMIN_EMAIL,
                "password", TestHub.ADMIN_PASSWORD, "next", "/"));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        return browser;
    }

    @Test
    void pagesWithoutLogin_redirectToLogin_withTheWayBack() {
        FormClient browser = new FormClient(hub.url(""));
        HttpResponse<String> inbox = browser.get("/?view=pending");
        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location")).hasValue("/login?next=%2F%3Fview%3Dpending");
        assertThat(browser.get("/tickets/1").statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/agents").statusCode()).isEqualTo(302);
    }

    @Test
    void loginFormWithoutCsrfToken_is403_andLogsNobodyIn() {
        FormClient browser = new FormClient(hub.url(""));
        browser.get("/login");
        HttpResponse<String> response = browser.postForm("/login", Map.of("email", TestHub.ADMIN_EMAIL,
                "password", TestHub.ADMIN_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.hasCookie("hub_session")).isFalse();
        HttpResponse<String> wrongToken = browser.postForm("/login", Map.of("_csrf", "forged-token-forged-token-forged-token",
                "email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPassword_saysSoClearly() {
        FormClient browser = new FormClient(hub.url(""));
        String token = FormClient.csrfOf(browser.get("/login"));
        HttpResponse<String> response = browser.postForm("/login", Map.of("_csrf", token, "email", TestHub.ADMIN_EMAIL,
                "password", "not the password"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong email or password.");
        assertThat(browser.hasCookie("hub_session")).isFalse();
    }

    @Test
    void login_setsTheApiSessionCookie_andLogoutNeedsTheToken() {
        FormClient browser = loggedIn();
        assertThat(browser.hasCookie("hub_session")).isTrue();
        HttpResponse<String> inbox = browser.get("/");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("My tickets", "Unassigned", "All open");
        assertThat(inbox.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(200);

        assertThat(browser.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", FormClient.csrfOf(inbox)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(401);
    }

    @Test
    void customerText_isEscapedOnInboxAndTicketPage() {
        String evil = "<script>alert('x')</script><img src=x onerror=alert(1)> help";
        long ticketId = hub.inbound("xss-http", "<b>Eve</b>", "eve@example.com", evil).json().get("ticketId").asLong();
        FormClient browser = loggedIn();
        String inbox = browser.get("/?view=open").body();
        String ticket = browser.get("/tickets/" + ticketId).body();
        for (String page : new String[]{inbox, ticket}) {
            assertThat(page).doesNotContain("<script>alert", "<img src=x", "<b>Eve</b>");
            assertThat(page).contains("&lt;script&gt;alert(", "&lt;b&gt;Eve&lt;/b&gt;");
        }
    }

    @Test
    void inboxRowsFragment_andNextPage_followTheFilters() {
        for (int i = 0; i < 55; i++) {
            hub.inbound("page-" + i, "Pager " + i, "pager" + i + "@example.com", "Paging question " + i);
        }
        FormClient browser = loggedIn();
        String first = browser.get("/?view=open&q=Paging").body();
        assertThat(first).contains("id=\"next-page\"");
        String next = first.substring(first.indexOf("href=\"/?view=open&amp;q=Paging&amp;after=") + 6);
        next = next.substring(0, next.indexOf('"')).replace("&amp;", "&");
        String second = browser.get(next).body();
        assertThat(second).contains("Paging question").doesNotContain("id=\"next-page\"");
        HttpResponse<String> rows = browser.get("/inbox/rows?view=open&q=Paging");
        assertThat(rows.body()).contains("class=\"rows\"").doesNotContain("<html");
        assertThat(rows.headers().firstValue("Server-Timing").orElseThrow()).startsWith("render;dur=");
    }

    @Test
    void contactSearch_findsByNamePhoneOrEmail() {
        hub.inbound("contact-1", "Zoltan Kodaly", "zoltan@example.com", "Question");
        assertThat(hub.get("/api/contacts?q=kodal").json().get("items").get(0).get("name").asText()).isEqualTo("Zoltan Kodaly");
        assertThat(hub.get("/api/contacts?q=zoltan@exa").json().get("items")).hasSize(1);
        assertThat(hub.get("/api/contacts?q=nobody-like-this").json().get("items")).isEmpty();
    }

    @Test
    void attachment_downloadsAsAttachment_withASafeType() {
        long ticketId = hub.inbound("file-1", "Fay", "fay@example.com", "See attached").json().get("ticketId").asLong();
        long messageId = hub.get("/api/tickets/" + ticketId).json().get("messages").get(0).get("id").asLong();
        hub.app.transactions().inTransaction((handle, afterCommit) -> {
            AttachmentStore store = new AttachmentStore(handle);
            store.save(messageId, new Attachment("page.html", "text/html", "<script>x</script>".getBytes(StandardCharsets.UTF_8),
                    false, null), hub.clock.instant());
            return null;
        });
        long attachmentId = hub.get("/api/tickets/" + ticketId).json().get("messages").get(0).get("attachments").get(0).get("id").asLong();
        TestHub.Response file = hub.get("/api/attachments/" + attachmentId);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"page.html\"");
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
        assertThat(new FormClient(hub.url("")).get("/api/attachments/" + attachmentId).statusCode()).isEqualTo(401);
        assertThat(loggedIn().get("/tickets/" + ticketId).body()).contains("/api/attachments/" + attachmentId, "page.html");
    }

    @Test
    void adminPages_areForAdminsOnly() {
        hub.post("/api/agents", Map.of("email", "agent@test.local", "name", "Ada Agent", "password", "a long enough password",
                "role", "agent", "line", 1));
        FormClient agent = new FormClient(hub.url(""));
        String token = FormClient.csrfOf(agent.get("/login"));
        agent.postForm("/login", Map.of("_csrf", token, "email", "agent@test.local", "password", "a long enough password"));
        assertThat(agent.get("/admin/agents").statusCode()).isEqualTo(403);
        FormClient admin = loggedIn();
        for (String page : new String[]{"/admin/agents", "/admin/canned", "/admin/catalog", "/admin/notifications"}) {
            assertThat(admin.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(admin.get("/admin/agents").body()).contains("Ada Agent");
    }

    @Test
    void aFollowUpTicket_linksToTheTicketItFollows() {
        long first = hub.inbound("follow-1", "Fiona Follow", "fiona@example.com", "My printer is offline").json()
                .get("ticketId").asLong();
        hub.post("/api/tickets/" + first + "/status", Map.of("status", "resolved"));
        hub.clock.advance(java.time.Duration.ofDays(8));
        long second = hub.inbound("follow-2", "Fiona Follow", "fiona@example.com", "It happened again").json()
                .get("ticketId").asLong();
        assertThat(second).isNotEqualTo(first);
        long firstNumber = hub.get("/api/tickets/" + first).json().get("number").asLong();
        String page = loggedIn().get("/tickets/" + second).body();
        assertThat(page).contains("id=\"follow-up-of\"").contains("follow-up of <a href=\"/tickets/" + first + "\">#"
                + firstNumber + "</a>");
        assertThat(page).as("the customer's other tickets").contains("The customer's other tickets")
                .contains("href=\"/tickets/" + first + "\"");
    }
}
