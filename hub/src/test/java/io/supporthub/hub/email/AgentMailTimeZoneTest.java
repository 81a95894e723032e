package io.supporthub.hub.email;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.settings.SettingsService;
import io.supporthub.hub.timezone.ViewerZones;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents' notification emails show times in the recipient's own zone, else the company's, and name it. */
class AgentMailTimeZoneTest {

    static MailHub mail;
    static Agent yuki;
    static Agent paul;

    @BeforeAll
    static void start() {
        mail = new MailHub(Map.of()); // the clock: 2026-11-02T09:00:00Z
        yuki = mail.hub.app.agents().create("yuki@agents.example", "Yuki Mori", "correct horse battery staple", "agent", 1);
        paul = mail.hub.app.agents().create("paul@agents.example", "Paul Roux", "correct horse battery staple", "agent", 1);
        new ViewerZones(mail.hub.app.transactions(), new SettingsService(mail.hub.app.transactions(), ZoneOffset.UTC, mail.hub.clock))
                .change(yuki.id(), "Asia/Tokyo");
        assertThat(mail.hub.patch("/api/settings", Map.of("timeZone", "Europe/Paris")).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    private static long newTicket(String messageId) {
        mail.deliver("Ivan <ivan@customer.example>", "Screen is black", "It stays black.", messageId);
        mail.poll();
        return mail.ticketOfMail(messageId);
    }

    private static String lastMailTo(String address, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (mail.sentTo(address).size() < count && Instant.now().isBefore(deadline)) {
            mail.hub.app.email().orElseThrow().agentMail().sendDue();
            Thread.sleep(50);
        }
        List<MimeMessage> sent = mail.sentTo(address);
        assertThat(sent).hasSize(count);
        return MailHub.parts(sent.get(count - 1));
    }

    @Test
    void theAssignedMailIsInTheAssigneesZone() throws Exception {
        long first = newTicket("tz1@customer.example");
        assertThat(mail.hub.patch("/api/tickets/" + first, Map.of("assignee", yuki.id())).status()).isEqualTo(200);
        assertThat(lastMailTo("yuki@agents.example", 1)).contains("Opened 2 Nov 18:00 Tokyo.");

        long second = newTicket("tz2@customer.example");
        assertThat(mail.hub.patch("/api/tickets/" + second, Map.of("assignee", paul.id())).status()).isEqualTo(200);
        assertThat(lastMailTo("paul@agents.example", 1)).as("no zone of his own: the company's")
                .contains("Opened 2 Nov 10:00 Paris.");
    }
}
