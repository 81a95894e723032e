package io.supporthub.hub.email;

import io.supporthub.hub.support.TestHub;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** "Forgot password" with a mailbox configured: a one-time link by mail, stored hashed, expiring, used once. */
class PasswordResetMailTest {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(MailHub.PUBLIC_URL) + "/password/reset\\?token=([A-Za-z0-9_%-]+)");

    static MailHub mail;

    @BeforeAll
    static void start() {
        mail = new MailHub(Map.of());
        mail.hub.app.agents().create("lena@agents.example", "Lena Ode", "remembered once", "agent", 1);
        mail.hub.app.agents().create("old@agents.example", "Old Link", "remembered twice", "agent", 1);
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    private static TestHub.Response forgot(String email) {
        return mail.hub.request("POST", "/api/password/forgot", Map.of("email", email), Map.of());
    }

    private static TestHub.Response reset(String token, String password) {
        return mail.hub.request("POST", "/api/password/reset", Map.of("token", token, "new", password), Map.of());
    }

    private static String tokenMailedTo(String address) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (mail.sentTo(address).isEmpty() && Instant.now().isBefore(deadline)) {
            mail.hub.app.email().orElseThrow().agentMail().sendDue();
            Thread.sleep(50);
        }
        List<MimeMessage> sent = mail.sentTo(address);
        assertThat(sent).hasSize(1);
        Matcher link = LINK.matcher(MailHub.parts(sent.get(0)));
        assertThat(link.find()).isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void theMailedLink_setsANewPasswordOnce_andIsStoredOnlyHashed() throws Exception {
        assertThat(forgot("lena@agents.example").status()).isEqualTo(202);
        assertThat(forgot("LENA@agents.example").status()).as("no second mail within minutes").isEqualTo(202);
        String token = tokenMailedTo("lena@agents.example");
        String stored = mail.hub.app.transactions().read(handle -> handle.createQuery(
                "select string_agg(token_hash, ',') from password_reset").mapTo(String.class).one());
        assertThat(stored).doesNotContain(token);

        assertThat(reset(token, "iloveyou").status()).as("the rules apply, and the link still works after").isEqualTo(400);
        assertThat(reset(token, "chosen after forgetting").status()).isEqualTo(204);
        assertThat(reset(token, "chosen a second time").json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(mail.hub.post("/api/session", Map.of("email", "lena@agents.example", "password", "chosen after forgetting"))
                .status()).isEqualTo(200);
    }

    @Test
    void anUnknownEmail_getsTheSameAnswer_andNoMail() {
        TestHub.Response answer = forgot("stranger@elsewhere.example");
        assertThat(answer.status()).isEqualTo(202);
        mail.hub.app.email().orElseThrow().agentMail().sendDue();
        assertThat(mail.sentTo("stranger@elsewhere.example")).isEmpty();
    }

    @Test
    void aLinkExpires() throws Exception {
        forgot("old@agents.example");
        String token = tokenMailedTo("old@agents.example");
        mail.hub.clock.advance(Duration.ofHours(2));
        assertThat(reset(token, "too late for this").status()).isEqualTo(400);
    }
}
