package io.supporthub.hub.ui;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The "forgot password" pages as plain HTML forms, and the login page's answer to too many attempts. */
class PasswordPagesHttpTest {

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
    void theLoginPage_leadsToForgotPassword_whichAnswersTheSameForAnyEmail() {
        FormClient browser = new FormClient(hub.url(""));
        assertThat(browser.get("/login").body()).contains("href=\"/password/forgot\"");
        HttpResponse<String> form = browser.get("/password/forgot");
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> sent = browser.postForm("/password/forgot",
                Map.of("_csrf", FormClient.csrfOf(form), "email", "nobody@elsewhere.example"));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("a link to choose a new password is on its way");
        assertThat(browser.postForm("/password/forgot", Map.of("email", TestHub.ADMIN_EMAIL)).statusCode())
                .as("no CSRF token").isEqualTo(403);
    }

    @Test
    void aResetLinkThatIsNotValid_isSaidSoOnThePage() {
        FormClient browser = new FormClient(hub.url(""));
        HttpResponse<String> form = browser.get("/password/reset?token=made-up");
        assertThat(form.body()).contains("value=\"made-up\"");
        HttpResponse<String> refused = browser.postForm("/password/reset", Map.of("_csrf", FormClient.csrfOf(form),
                "token", "made-up", "password", "a fine new phrase", "repeat", "a fine new phrase"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("this link is not valid any more");
    }

    @Test
    void tooManyWrongPasswords_theLoginPageSaysWhenToTryAgain() {
        FormClient browser = new FormClient(hub.url(""));
        HttpResponse<String> page = browser.get("/login");
        HttpResponse<String> last = page;
        for (int i = 0; i <= 10; i++) {
            last = browser.postForm("/login", Map.of("_csrf", FormClient.csrfOf(page), "email", "page@test.local",
                    "password", "wrong guess " + i));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(last.body()).contains("Try again in 15 minutes");
    }
}
