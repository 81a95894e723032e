package io.supporthub.hub.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.agent.Agent;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.supporthub.hub.email.MailHub.header;
import static org.assertj.core.api.Assertions.assertThat;

class EmailEndToEndTest {

    static MailHub mail;

    @BeforeAll
    static void start() {
        mail = new MailHub(Map.of("MAX_ATTACHMENT_MB", "1"));
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    private static long count(String sql, Object id) {
        return mail.hub.app.transactions().read(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).one());
    }

    @Test
    void customerMail_becomesTicket_agentReplyGoesOutThreaded_andCustomerAnswerJoins() throws Exception {
        mail.deliver("Anna Lee <anna@customer.example>", "Printer jammed", "The printer in room 4 is jammed.",
                "c1@customer.example");
        assertThat(mail.poll()).isEqualTo(1);
        long ticketId = mail.ticketOfMail("c1@customer.example");
        JsonNode ticket = mail.ticket(ticketId);
        assertThat(ticket.get("subject").asText()).isEqualTo("Printer jammed");
        assertThat(ticket.get("channel").asText()).isEqualTo("email");
        long number = ticket.get("number").asLong();

        long replyId = mail.reply(ticketId, "A technician comes <today> at 3.");
        List<MimeMessage> sent = mail.sentTo("anna@customer.example");
        assertThat(sent).hasSize(1);
        MimeMessage out = sent.get(0);
        String ourId = mail.storedExternalId(replyId);
        assertThat(out.getSubject()).isEqualTo("Re: Printer jammed [#" + number + "]");
        assertThat(header(out, "Message-ID")).isEqualTo("<" + ourId + ">");
        assertThat(header(out, "In-Reply-To")).isEqualTo("<c1@customer.example>");
        assertThat(header(out, "References")).isEqualTo("<c1@customer.example>");
        assertThat(out.getFrom()[0].toString()).isEqualTo("Acme Support <" + MailHub.SUPPORT + ">");
        assertThat(MailHub.parts(out))
                .contains("A technician comes <today> at 3.")
                .contains("A technician comes &lt;today&gt; at 3.")
                .contains("Request #" + number);
        assertThat(mail.ticket(ticketId).get("messages").get(1).get("text").asText())
                .isEqualTo("A technician comes <today> at 3.");

        mail.deliver("Anna Lee <anna@customer.example>", "Re: Printer jammed", "Thank you, see you then.",
                "c2@customer.example", "In-Reply-To: <" + ourId + ">",
                "References: <c1@customer.example> <" + ourId + ">");
        mail.poll();
        assertThat(mail.ticketOfMail("c2@customer.example")).isEqualTo(ticketId);

        mail.reply(ticketId, "Fixed.");
        MimeMessage second = mail.sentTo("anna@customer.example").get(1);
        assertThat(header(second, "In-Reply-To")).isEqualTo("<c2@customer.example>");
        assertThat(header(second, "References"))
                .isEqualTo("<c1@customer.example> <" + ourId + "> <c2@customer.example>");
    }

    @Test
    void craftedDisplayName_neverBecomesTheContact_andFailedSenderChecksWarnOnTheTicket() throws Exception {
        mail.deliver("=?UTF-8?Q?Eve=0D=0ABcc:_evil@evil.example?= <eve@example.org>", "Refund", "Please refund me.",
                "e1@example.org", "Authentication-Results: mx.support.example; spf=fail smtp.mailfrom=example.org; "
                        + "dkim=none; dmarc=fail header.from=example.org");
        mail.poll();
        long ticketId = mail.ticketOfMail("e1@example.org");
        JsonNode ticket = mail.ticket(ticketId);
        assertThat(ticket.get("contact").get("addresses").findValuesAsText("value")).containsExactly("eve@example.org");
        JsonNode message = ticket.get("messages").get(0);
        assertThat(message.get("senderAuthentication").get("dmarc").asText()).isEqualTo("fail");
        assertThat(message.get("senderChecksFailed")).extracting(JsonNode::asText).containsExactly("SPF fail", "DMARC fail");
        assertThat(mail.hub.get("/tickets/" + ticketId).body())
                .contains("data-sender-warning").contains("SPF fail, DMARC fail (checked by mx.support.example)");

        mail.reply(ticketId, "We look into it.");
        assertThat(mail.sentTo("eve@example.org")).hasSize(1);
        assertThat(mail.sentTo("_evil@evil.example")).isEmpty();
        assertThat(mail.sentTo("evil@evil.example")).isEmpty();
    }

    @Test
    void mailPassingSenderChecks_showsNoWarning() {
        mail.deliver("Fay <fay@example.org>", "Hello", "Just saying hi.", "f1@example.org",
                "Authentication-Results: mx.support.example; spf=pass; dkim=pass; dmarc=pass");
        mail.poll();
        long ticketId = mail.ticketOfMail("f1@example.org");
        assertThat(mail.ticket(ticketId).get("messages").get(0).get("senderChecksFailed")).isEmpty();
        assertThat(mail.hub.get("/tickets/" + ticketId).body()).doesNotContain("data-sender-warning");
    }

    @Test
    void markerInSubject_threadsWithoutHeaders() {
        mail.deliver("bo@customer.example", "Invoice question", "Why two invoices?", "b1@customer.example");
        mail.poll();
        long ticketId = mail.ticketOfMail("b1@customer.example");
        long number = mail.ticket(ticketId).get("number").asLong();

        mail.deliver("bo@customer.example", "One more thing [#" + number + "]", "And a third one came.",
                "b2@customer.example");
        mail.poll();

        assertThat(mail.ticketOfMail("b2@customer.example")).isEqualTo(ticketId);
    }

    @Test
    void strangersMarker_opensNewTicketMentioningTheQuotedOne() {
        mail.deliver("cleo@customer.example", "My order", "Where is it?", "s1@customer.example");
        mail.poll();
        long cleosTicket = mail.ticketOfMail("s1@customer.example");
        long number = mail.ticket(cleosTicket).get("number").asLong();

        mail.deliver("mallory@elsewhere.example", "Re: My order [#" + number + "]", "Let me in.", "s2@elsewhere.example");
        mail.poll();

        long strangersTicket = mail.ticketOfMail("s2@elsewhere.example");
        assertThat(strangersTicket).isNotEqualTo(cleosTicket);
        assertThat(count("select (detail->>'mentions')::bigint from ticket_event where ticket_id = :id and kind = 'created'",
                strangersTicket)).isEqualTo(number);
        assertThat(mail.ticket(cleosTicket).get("messages")).hasSize(1);
    }

    @Test
    void autoReply_joinsResolvedTicketWithoutReopening_andGetsNoAnswer() {
        mail.deliver("dana@customer.example", "Password reset", "I cannot log in.", "d1@customer.example");
        mail.poll();
        long ticketId = mail.ticketOfMail("d1@customer.example");
        assertThat(mail.hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved")).status()).isEqualTo(200);

        mail.deliver("dana@customer.example", "Automatic reply: Password reset", "I am on holiday until Monday.",
                "d2@customer.example", "Auto-Submitted: auto-replied", "In-Reply-To: <d1@customer.example>");
        mail.poll();

        assertThat(mail.ticketOfMail("d2@customer.example")).isEqualTo(ticketId);
        JsonNode detail = mail.ticket(ticketId);
        assertThat(detail.get("status").asText()).isEqualTo("resolved");
        assertThat(detail.get("messages").get(1).get("automated").asBoolean()).isTrue();
        assertThat(count("select count(*) from outbox o join message m on m.id = o.message_id where m.ticket_id = :id", ticketId))
                .isZero();
        mail.hub.drainOutbox();
        assertThat(mail.sentTo("dana@customer.example")).isEmpty();
    }

    @Test
    void bounce_marksOurMailFailed_andOpensNoTicket() {
        mail.deliver("erin@customer.example", "Delivery address", "Please change it.", "e1@customer.example");
        mail.poll();
        long ticketId = mail.ticketOfMail("e1@customer.example");
        long replyId = mail.reply(ticketId, "Which address should we use?");
        String ourId = mail.storedExternalId(replyId);

        mail.deliverRaw("From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>\r\n"
                + "To: " + MailHub.SUPPORT + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <bounce-e1@mx.customer.example>\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.customer.example\r\n\r\n"
                + "Final-Recipient: rfc822; erin@customer.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "Message-ID: <" + ourId + ">\r\nSubject: Re: Delivery address\r\n\r\n"
                + "--b1--\r\n");
        mail.poll();

        JsonNode out = mail.ticket(ticketId).get("messages").get(1);
        assertThat(out.get("deliveryState").asText()).isEqualTo("failed");
        assertThat(out.get("deliveryError").asText()).contains("5.1.1");
        assertThat(count("select count(*) from contact_address where value = :id", "mailer-daemon@mx.customer.example"))
                .isZero();
    }

    @Test
    void agentsMailAnsweringOurMail_isTheirPublicReply_sentOnToTheCustomer_once() {
        Agent bob = mail.hub.app.agents().create("bob@agents.example", "Bob Stone", "correct horse battery staple", "agent", 1);
        mail.deliver("Frank <frank@customer.example>", "Broken lamp", "The lamp flickers.", "f1@customer.example");
        mail.poll();
        long ticketId = mail.ticketOfMail("f1@customer.example");
        long number = mail.ticket(ticketId).get("number").asLong();
        mail.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Which model is it?"));
        mail.hub.drainOutbox();
        String ours = mail.hub.app.transactions().read(h -> h.createQuery("select external_id from message "
                + "where ticket_id = :id and direction = 'out'").bind("id", ticketId).mapTo(String.class).one());

        mail.deliver("Bob Stone <bob@agents.example>", "Re: Broken lamp [#" + number + "]",
                "Frank, a new lamp is on its way.\r\n\r\nOn Mon, 2 Nov 2026 Support wrote:\r\n> Which model is it?",
                "bob1@agents.example", "In-Reply-To: <" + ours + ">");
        mail.poll();
        mail.hub.drainOutbox();

        JsonNode messages = mail.ticket(ticketId).get("messages");
        assertThat(messages).hasSize(3);
        JsonNode reply = messages.get(2);
        assertThat(reply.get("direction").asText()).isEqualTo("out");
        assertThat(reply.get("visibility").asText()).isEqualTo("public");
        assertThat(reply.get("authorAgentId").asLong()).isEqualTo(bob.id());
        assertThat(reply.get("text").asText()).isEqualTo("Frank, a new lamp is on its way.");
        List<MimeMessage> toFrank = mail.sentTo("frank@customer.example");
        assertThat(toFrank).hasSize(2);
        assertThat(MailHub.parts(toFrank.get(1))).contains("Frank, a new lamp is on its way.").contains("Bob Stone");

        mail.hub.app.transactions().inTransaction((h, ac) -> h.execute("delete from mail_cursor"));
        mail.poll();
        mail.hub.drainOutbox();
        assertThat(mail.sentTo("frank@customer.example")).hasSize(2);
        assertThat(mail.ticket(ticketId).get("messages")).hasSize(3);
    }

    @Test
    void mailFromAnAgentsAddress_quotingOnlyATicketNumber_staysInternal() {
        mail.hub.app.agents().create("eve.agent@agents.example", "Eve Agent", "correct horse battery staple", "agent", 1);
        mail.deliver("Hana <hana@customer.example>", "Late order", "Where is it?", "h1@customer.example");
        mail.poll();
        long ticketId = mail.ticketOfMail("h1@customer.example");
        long number = mail.ticket(ticketId).get("number").asLong();

        mail.deliver("Eve Agent <eve.agent@agents.example>", "Re: [#" + number + "]", "Pay the customs fee at http://evil.example",
                "forged1@elsewhere.example");
        mail.poll();
        mail.hub.drainOutbox();

        JsonNode last = mail.ticket(ticketId).get("messages").get(1);
        assertThat(last.get("visibility").asText()).isEqualTo("internal");
        assertThat(last.get("text").asText()).startsWith("[Not sent to the customer");
        assertThat(mail.sentTo("hana@customer.example")).isEmpty();
    }

    @Test
    void tooLargeAttachment_getsOnePoliteAnswer_butNotFromAutomatedMail() throws Exception {
        mail.hub.drainOutbox();
        mail.mailbox.deliver(withVideo("Gina <gina@customer.example>", "g1@customer.example", null));
        mail.mailbox.deliver(withVideo("robot@customer.example", "r1@customer.example", "auto-generated"));
        mail.poll();
        mail.hub.drainOutbox();

        long ticketId = mail.ticketOfMail("g1@customer.example");
        assertThat(mail.ticket(ticketId).get("messages").get(0).get("text").asText())
                .contains("See the video.").contains("fault.mp4");
        List<MimeMessage> toGina = mail.sentTo("gina@customer.example");
        assertThat(toGina).hasSize(1);
        assertThat(MailHub.parts(toGina.get(0))).contains("fault.mp4").contains("larger than 1 MB");
        assertThat(mail.sentTo("robot@customer.example")).isEmpty();
        assertThat(mail.ticket(ticketId).get("firstResponseAt").isNull()).isTrue();
    }

    private static MimeMessage withVideo(String from, String messageId, String autoSubmitted) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, MailHub.SUPPORT);
        message.setSubject("Video of the fault");
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See the video.", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart video = new MimeBodyPart();
        video.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[1_400_000], "video/mp4")));
        video.setFileName("fault.mp4");
        mixed.addBodyPart(video);
        message.setContent(mixed);
        if (autoSubmitted != null) {
            message.setHeader("Auto-Submitted", autoSubmitted);
        }
        message.saveChanges();
        message.setHeader("Message-ID", "<" + messageId + ">");
        return message;
    }
}
