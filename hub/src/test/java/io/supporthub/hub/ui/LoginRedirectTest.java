package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** After logging in, the login page sends the browser only to a path on this hub, whatever {@code next} says. */
class LoginRedirectTest {

    /** As they would stand in a link's query string (already percent-encoded where a URL needs it). */
    private static final List<String> HOSTILE_QUERIES = List.of("/%09/evil.example", "//evil.example",
            "/%5Cevil.example", "%2F%2Fevil.example", "/%2F/evil.example", "/%252F%252Fevil.example",
            "https://evil.example", "/%0D%0A/evil.example");
    /** As a form would carry them in its hidden field. */
    private static final List<String> HOSTILE_FIELDS = List.of("/\t/evil.example", "//evil.example", "/\\evil.example",
            "/%09/evil.example", "/%2F%2Fevil.example", "\\\\evil.example", "https://evil.example");

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void the_login_form_never_carries_a_hostile_next_and_logging_in_lands_on_the_inbox() {
        for (String query : HOSTILE_QUERIES) {
            FormClient browser = new FormClient(hub.url(""));
            HttpResponse<String> page = browser.get("/login?next=" + query);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as(query).contains("name=\"next\" value=\"/\"").doesNotContain("evil.example");
            HttpResponse<String> login = browser.postForm("/login", Map.of("_csrf", FormClient.csrfOf(page),
                    "email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD, "next", "/"));
            assertThat(login.headers().firstValue("Location")).as(query).hasValue("/");
        }
    }

    @Test
    void a_hostile_next_posted_with_the_form_redirects_to_the_inbox() {
        for (String field : HOSTILE_FIELDS) {
            FormClient browser = new FormClient(hub.url(""));
            String token = FormClient.csrfOf(browser.get("/login"));
            HttpResponse<String> login = browser.postForm("/login", Map.of("_csrf", token, "email", TestHub.ADMIN_EMAIL,
                    "password", TestHub.ADMIN_PASSWORD, "next", field));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).as(field).hasValue("/");
        }
    }

    @Test
    void an_agent_already_logged_in_is_not_sent_away_either() {
        FormClient browser = new FormClient(hub.url(""));
        String token = FormClient.csrfOf(browser.get("/login"));
        browser.postForm("/login", Map.of("_csrf", token, "email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD));
        for (String query : HOSTILE_QUERIES) {
            HttpResponse<String> again = browser.get("/login?next=" + query);
            assertThat(again.headers().firstValue("Location")).as(query).hasValue("/");
        }
    }

    @Test
    void a_path_on_this_hub_is_where_logging_in_lands() {
        FormClient browser = new FormClient(hub.url(""));
        HttpResponse<String> page = browser.get("/login?next=%2F%3Fview%3Dpending");
        HttpResponse<String> login = browser.postForm("/login", Map.of("_csrf", FormClient.csrfOf(page),
                "email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD, "next", "/?view=pending"));
        assertThat(login.headers().firstValue("Location")).hasValue("/?view=pending");
    }
}
