package io.supporthub.hub.email;

import io.supporthub.hub.agent.Agent;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentNotificationTest {

    static MailHub mail;
    static Agent hana;

    @BeforeAll
    static void start() {
        mail = new MailHub(Map.of());
        hana = mail.hub.app.agents().create("hana@agents.example", "Hana Berg", "correct horse battery staple", "agent", 1);
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

    private static List<MimeMessage> awaitMailTo(String address, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (mail.sentTo(address).size() < count && Instant.now().isBefore(deadline)) {
            mail.hub.app.email().orElseThrow().agentMail().sendDue();
            Thread.sleep(50);
        }
        return mail.sentTo(address);
    }

    @Test
    void assigningATicket_mailsTheAssigneeALink() throws Exception {
        long ticketId = newTicket("n1@customer.example");
        int before = mail.sentTo("hana@agents.example").size();

        assertThat(mail.hub.patch("/api/tickets/" + ticketId, Map.of("assignee", hana.id())).status()).isEqualTo(200);

        List<MimeMessage> toHana = awaitMailTo("hana@agents.example", before + 1);
        assertThat(toHana).hasSize(before + 1);
        MimeMessage notice = toHana.get(before);
        long number = mail.ticket(ticketId).get("number").asLong();
        assertThat(notice.getSubject()).isEqualTo("Request #" + number + " was assigned to you");
        assertThat(MailHub.parts(notice)).contains(MailHub.PUBLIC_URL + "/tickets/" + ticketId).contains("Ivan");
        assertThat(mail.sentTo("ivan@customer.example")).isEmpty();
    }

    @Test
    void mentionInANote_mailsTheAgentMentioned_notTheAuthor() throws Exception {
        long ticketId = newTicket("n2@customer.example");
        int before = mail.sentTo("hana@agents.example").size();

        mail.hub.post("/api/tickets/" + ticketId + "/notes", Map.of("text", "@Hana Berg can you check the cable?"));
        mail.hub.post("/api/tickets/" + ticketId + "/notes", Map.of("text", "Note to self, @admin@test.local"));

        List<MimeMessage> toHana = awaitMailTo("hana@agents.example", before + 1);
        assertThat(toHana).hasSize(before + 1);
        assertThat(MailHub.parts(toHana.get(before)))
                .contains("can you check the cable?")
                .contains(MailHub.PUBLIC_URL + "/tickets/" + ticketId);
        mail.hub.app.email().orElseThrow().agentMail().sendDue();
        assertThat(mail.sentTo("admin@test.local")).isEmpty();
    }

    @Test
    void assigningToYourself_mailsNobody() {
        long ticketId = newTicket("n3@customer.example");
        assertThat(mail.hub.patch("/api/tickets/" + ticketId, Map.of("assignee", "me")).status()).isEqualTo(200);
        mail.hub.app.email().orElseThrow().agentMail().sendDue();
        assertThat(mail.sentTo("admin@test.local")).isEmpty();
    }
}
