package io.supporthub.hub.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.support.TestHub;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A hub whose email channel is real (SmtpSender, ImapPoller) against a GreenMail server with SMTP and IMAP on free
 * ports, the support mailbox {@value #SUPPORT}. Mails are put straight into the mailbox; what the hub sends is read
 * back from GreenMail.
 */
final class MailHub implements AutoCloseable {

    static final String SUPPORT = "help@support.example";
    static final String PUBLIC_URL = "http://hub.example";

    final GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    final GreenMailUser mailbox;
    final TestHub hub;

    MailHub(Map<String, String> extraSettings) {
        greenMail.start();
        mailbox = greenMail.setUser(SUPPORT, "help", "secret");
        Map<String, String> settings = new HashMap<>(Map.of(
                "MAIL_IMAP_URL", "imap://help:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                "MAIL_SMTP_URL", "smtp://127.0.0.1:" + greenMail.getSmtp().getPort() + "?starttls=false",
                "MAIL_FROM", SUPPORT,
                "MAIL_FROM_NAME", "Acme Support",
                "PUBLIC_URL", PUBLIC_URL));
        settings.putAll(extraSettings);
        hub = new TestHub(settings, false, Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.EMAIL));
        hub.logIn();
    }

    /** A mail in the support mailbox, as a customer's client would send it; {@code headers} are extra header lines. */
    void deliver(String from, String subject, String body, String messageId, String... headers) {
        StringBuilder raw = new StringBuilder()
                .append("From: ").append(from).append("\r\n")
                .append("To: ").append(SUPPORT).append("\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append("Date: Mon, 2 Nov 2026 10:00:00 +0000\r\n")
                .append("Message-ID: <").append(messageId).append(">\r\n");
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        raw.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
        deliverRaw(raw.toString());
    }

    void deliverRaw(String raw) {
        try {
            mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    int poll() {
        try {
            return hub.app.mailbox().orElseThrow().pollOnce();
        } catch (Exception e) {
            throw new IllegalStateException("poll failed", e);
        }
    }

    /** Mails the hub sent to {@code address} through SMTP, oldest first. */
    List<MimeMessage> sentTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    long ticketOfMail(String messageId) {
        return hub.app.transactions().read(h -> h.createQuery("select ticket_id from message where channel = 'email' "
                + "and external_id = :id").bind("id", messageId).mapTo(Long.class).one());
    }

    JsonNode ticket(long id) {
        return hub.get("/api/tickets/" + id).json();
    }

    String storedExternalId(long messageId) {
        return hub.app.transactions().read(h -> h.createQuery("select external_id from message where id = :id")
                .bind("id", messageId).mapTo(String.class).one());
    }

    long reply(long ticketId, String text) {
        TestHub.Response response = hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", text));
        if (response.status() != 201) {
            throw new IllegalStateException("reply failed: " + response.body());
        }
        long messageId = response.json().get("messageId").asLong();
        hub.drainOutbox();
        return messageId;
    }

    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, " ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain and text/html parts of a sent mail, joined (what a reader sees in either). */
    static String parts(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(parts(multipart.getBodyPart(i))).append('\n');
                }
                return all.toString();
            }
            return content instanceof String text ? text : "";
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        hub.close();
        greenMail.stop();
    }
}
