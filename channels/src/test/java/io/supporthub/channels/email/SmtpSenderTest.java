package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.channels.ThreadHint;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpSenderTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("help@example.com", "help", "secret"))
            .withPerMethodLifecycle(true);

    private SmtpSender sender(String password) {
        int port = greenMail.getSmtp().getPort();
        return new SmtpSender(SmtpSettings.parse("smtp://help:" + password + "@127.0.0.1:" + port),
                "Support Team <help@example.com>", "replies@example.com");
    }

    private static OutboundMessage reply(String html, List<Attachment> attachments) {
        return new OutboundMessage(42, Address.email("customer@example.org"), "Hello <Anna>,\nit's fixed.", html,
                "Printer jammed", 1234L,
                new ThreadHint(null, List.of("cust-2@example.org", "ours-1@example.com", "cust-1@example.org")),
                attachments, List.of(), null);
    }

    @Test
    void reply_arrivesWithOurMessageIdThreadingHeadersMarkerAndBothParts() throws Exception {
        SendResult result = sender("secret").send(reply(null, List.of()));

        assertThat(result.providerId()).endsWith("@example.com").doesNotContain("<").startsWith("42.");
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<" + result.providerId() + ">");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<cust-2@example.org>");
        assertThat(received.getHeader("References", null))
                .isEqualTo("<ours-1@example.com> <cust-1@example.org> <cust-2@example.org>");
        assertThat(received.getSubject()).isEqualTo("Re: Printer jammed [#1234]");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Support Team <help@example.com>");
        assertThat(received.getReplyTo()[0].toString()).isEqualTo("replies@example.com");
        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Hello <Anna>,");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("Hello &lt;Anna&gt;,<br>");
    }

    @Test
    void sentMail_threadsBackWhenTheCustomerAnswers() throws Exception {
        SendResult result = sender("secret").send(reply("<p>Fixed</p>", List.of()));
        MimeMessage received = greenMail.getReceivedMessages()[0];
        String answer = "From: Anna <customer@example.org>\r\nTo: help@example.com\r\nSubject: "
                + received.getSubject() + "\r\nMessage-ID: <cust-3@example.org>\r\nIn-Reply-To: <" + result.providerId()
                + ">\r\n\r\nThanks!\r\n";
        InboundMessage parsed = (InboundMessage) new MailParser(1 << 20).parse(answer.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(parsed.threadHint().ticketNumber()).isEqualTo(1234L);
        assertThat(parsed.threadHint().replyToIds()).containsExactly(result.providerId());
    }

    @Test
    void attachments_andTheGivenHtml_areSent() throws Exception {
        byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
        sender("secret").send(reply("<p>Fixed</p>", List.of(Attachment.of("Rechnung März.pdf", "application/pdf", pdf))));
        MimeMessage received = greenMail.getReceivedMessages()[0];
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat((String) alternative.getBodyPart(1).getContent()).isEqualTo("<p>Fixed</p>");
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(mixed.getBodyPart(1).getFileName())).isEqualTo("Rechnung März.pdf");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        mixed.getBodyPart(1).getInputStream().transferTo(content);
        assertThat(content.toByteArray()).isEqualTo(pdf);
    }

    @Test
    void subjectAlreadyCarryingTheMarker_isNotMarkedTwice() throws Exception {
        OutboundMessage message = new OutboundMessage(7, Address.email("c@example.org"), "Hi", null,
                "Re: Printer jammed [#1234]", 1234L, new ThreadHint(null, List.of("x@example.org")), List.of(), List.of(), null);
        sender("secret").send(message);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("Re: Printer jammed [#1234]");
    }

    @Test
    void wrongPassword_isAFatalAuthenticationFailure() {
        assertThatThrownBy(() -> sender("wrong").send(reply(null, List.of())))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("authentication failed");
    }

    @Test
    void unreachableServer_isRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://127.0.0.1:" + closedPort + "?timeout=5"),
                "help@example.com", null);
        assertThatThrownBy(() -> sender.send(OutboundMessage.text(1, Address.email("c@example.org"), "Hi")))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void nonEmailAddress_isRefusedWithoutSending() {
        assertThatThrownBy(() -> sender("secret").send(OutboundMessage.text(1, Address.phone("+4915112345678"), "Hi")))
                .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
