package io.supporthub.hub.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailbox import keeps a mail it cannot store aside as its RFC 822 source, byte for byte, while the other mails
 * of its batch become tickets; once the cause is fixed, a retry stores it once.
 */
class MailKeptAsideTest {

    /** Folded headers, 8-bit text and an attachment: what a re-written copy would not keep as it was. */
    private static final String BUGGY = "From: =?UTF-8?Q?Ren=C3=A9?= <rene@customer.example>\r\n"
            + "To: " + MailHub.SUPPORT + "\r\n"
            + "Subject: Invoice\r\n\tSIMULATED-BUG\r\n"
            + "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <buggy@customer.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "Café SIMULATED-BUG: the invoice is attached.\r\n"
            + "--b1\r\nContent-Type: text/csv; name=\"invoice.csv\"\r\nContent-Disposition: attachment; filename=\"invoice.csv\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString("item;price\r\nparcel;12\r\n".getBytes(StandardCharsets.UTF_8)) + "\r\n"
            + "--b1--\r\n";
    private static final String NO_SENDER = "To: " + MailHub.SUPPORT + "\r\nSubject: from nobody\r\n"
            + "Message-ID: <nobody@customer.example>\r\n\r\nWho wrote this?\r\n";

    private final MailHub mail = new MailHub(Map.of());
    private final TestHub hub = mail.hub;

    @AfterEach
    void stop() {
        mail.close();
    }

    @Test
    void aMailThatCannotBeStored_isKeptAsideAsItsSource_theOthersBecomeTickets_andARetryAfterTheFixStoresItOnce() {
        sql("create function simulated_bug() returns trigger language plpgsql as $$ begin "
                + "if new.text like '%SIMULATED-BUG%' then raise exception 'simulated bug'; end if; return new; end $$");
        sql("create trigger simulated_bug before insert on message for each row execute function simulated_bug()");
        mail.deliver("ann@customer.example", "Before", "The first mail", "before@customer.example");
        mail.deliverRaw(BUGGY);
        mail.deliverRaw(NO_SENDER);
        mail.deliver("bob@customer.example", "After", "The last mail", "after@customer.example");

        assertThat(mail.poll()).isEqualTo(4);

        assertThat(mail.ticketOfMail("before@customer.example")).isPositive();
        assertThat(mail.ticketOfMail("after@customer.example")).isPositive();
        JsonNode buggy = hub.get("/api/kept-aside/" + keptId("buggy@customer.example")).json();
        assertThat(buggy.get("reason").asText()).contains("simulated bug");
        assertThat(buggy.get("retryable").asBoolean()).isTrue();
        assertThat(buggy.get("contentType").asText()).isEqualTo("message/rfc822");
        assertThat(Base64.getDecoder().decode(buggy.get("body").asText())).isEqualTo(BUGGY.getBytes(StandardCharsets.UTF_8));
        JsonNode nobody = hub.get("/api/kept-aside/" + keptId("nobody@customer.example")).json();
        assertThat(nobody.get("reason").asText()).contains("no sender address");
        assertThat(Base64.getDecoder().decode(nobody.get("body").asText())).isEqualTo(NO_SENDER.getBytes(StandardCharsets.UTF_8));
        assertThat(mail.poll()).isZero();

        sql("drop trigger simulated_bug on message");
        TestHub.Response first = hub.post("/api/kept-aside/" + buggy.get("id").asLong() + "/retry", Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("outcome").asText()).isEqualTo("stored");
        long ticketId = first.json().get("ticketIds").get(0).asLong();
        assertThat(mail.ticketOfMail("buggy@customer.example")).isEqualTo(ticketId);
        JsonNode message = mail.ticket(ticketId).get("messages").get(0);
        assertThat(message.get("text").asText()).isEqualTo("Café SIMULATED-BUG: the invoice is attached.");
        assertThat(message.get("attachments").get(0).get("fileName").asText()).isEqualTo("invoice.csv");
        TestHub.Response second = hub.post("/api/kept-aside/" + buggy.get("id").asLong() + "/retry", Map.of());
        assertThat(second.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(mail.ticket(ticketId).get("messages")).hasSize(1);

        TestHub.Response refused = hub.post("/api/kept-aside/" + nobody.get("id").asLong() + "/retry", Map.of());
        assertThat(refused.json().get("outcome").asText()).isEqualTo("kept_aside");
    }

    private long keptId(String messageId) {
        return hub.app.transactions().read(handle -> handle.createQuery("select id from unprocessed_payload "
                        + "where source = 'mailbox import' and payload like :like")
                .bind("like", "%<" + messageId + ">%").mapTo(Long.class).one());
    }

    private void sql(String statement) {
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.execute(statement));
    }
}
