package io.supporthub.hub.ui;

import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The new ticket dialog offers a first message only on channels that can send. */
class NewTicketChannelsTest {

    @Test
    void aChannelWithoutASender_isNotOffered() {
        // Viber gets no recording sender and no token, so the hub has no Viber sender.
        try (TestHub hub = new TestHub(Map.of(), false, Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.VIBER))) {
            FormClient browser = new FormClient(hub.url(""));
            String token = FormClient.csrfOf(browser.get("/login"));
            browser.postForm("/login", Map.of("_csrf", token, "email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD));
            HttpResponse<String> inbox = browser.get("/");
            Matcher select = Pattern.compile("<select name=\"channel\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(inbox.body());
            assertThat(select.find()).isTrue();
            assertThat(select.group(1)).contains("value=\"email\"", "value=\"telegram\"", "value=\"sms\"")
                    .doesNotContain("value=\"viber\"");
        }
    }
}
