package io.supporthub.channels.email;

import io.supporthub.channels.AddressKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends agent replies by SMTP. Each mail carries our own Message-ID ({@code <messageId>.<random>@<MAIL_FROM domain>}),
 * returned without brackets as the provider id: the hub stores it, and the customer's answer points back to it.
 * Errors: authentication failure and permanent (5xx) refusals are final, with the server's words; connection
 * failures and temporary (4xx) refusals are retryable.
 */
public final class SmtpSender implements OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpSender.class);

    private final SmtpSettings settings;
    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final Session session;
    private final Clock clock;

    /**
     * @param mailFrom the sender, e.g. {@code Support <help@example.com>} ({@code MAIL_FROM})
     * @param replyTo  where customers' answers should go when not to {@code mailFrom}, or null
     */
    public SmtpSender(SmtpSettings settings, String mailFrom, String replyTo) {
        this(settings, mailFrom, replyTo, Clock.systemUTC());
    }

    public SmtpSender(SmtpSettings settings, String mailFrom, String replyTo, Clock clock) {
        this.settings = settings;
        this.from = address("MAIL_FROM", mailFrom);
        this.replyTo = replyTo == null || replyTo.isBlank() ? null : address("reply-to", replyTo);
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    /** Connects and authenticates to the SMTP server, then leaves: the connection test. Throws what it answered. */
    public void checkLogin() throws MessagingException {
        try (Transport transport = session.getTransport(settings.ssl() ? "smtps" : "smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        }
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        if (message.to().kind() != AddressKind.EMAIL) {
            throw SendException.fatal("email cannot be sent to a " + message.to().kind().wireName() + " address");
        }
        String messageId = message.messageId() + "." + UUID.randomUUID() + "@" + domain();
        MimeMessage mime;
        try {
            mime = OutgoingMail.build(session, message, messageId, from, replyTo, Date.from(clock.instant()));
        } catch (MessagingException e) {
            throw SendException.fatal("could not build the mail to " + message.to().value() + ": " + e.getMessage());
        }
        try (Transport transport = session.getTransport(settings.ssl() ? "smtps" : "smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(e);
        }
        log.info("sent mail {} to {} as <{}>", message.messageId(), message.to().value(), messageId);
        return SendResult.sent(messageId);
    }

    static SendException classify(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return SendException.fatal("SMTP authentication failed: " + text(e));
        }
        for (Exception cause = e; cause != null; cause = next(cause)) {
            int code = returnCode(cause);
            if (code >= 500) {
                return SendException.fatal("SMTP server refused the mail: " + text(cause));
            }
            if (code >= 400) {
                return SendException.retryable("SMTP server deferred the mail: " + text(cause), e);
            }
            if (cause instanceof IOException) {
                return SendException.retryable("SMTP server unreachable: " + cause, e);
            }
        }
        return SendException.retryable("SMTP failure: " + text(e), e);
    }

    private static int returnCode(Exception e) {
        if (e instanceof SMTPAddressFailedException a) {
            return a.getReturnCode();
        }
        if (e instanceof SMTPSenderFailedException s) {
            return s.getReturnCode();
        }
        if (e instanceof SMTPSendFailedException f) {
            return f.getReturnCode();
        }
        return -1;
    }

    private static Exception next(Exception e) {
        if (e instanceof MessagingException m && m.getNextException() != null && m.getNextException() != e) {
            return m.getNextException();
        }
        return e.getCause() instanceof Exception cause && cause != e ? cause : null;
    }

    private static String text(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().strip();
    }

    private String domain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static InternetAddress address(String what, String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            if (address.getAddress() == null || !address.getAddress().contains("@")) {
                throw new AddressException("no domain");
            }
            return address;
        } catch (AddressException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be an address like 'Support <help@example.com>', got '"
                    + value + "'");
        }
    }

    private static Properties properties(SmtpSettings settings) {
        String protocol = settings.ssl() ? "smtps" : "smtp";
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty("mail." + protocol + ".host", settings.host());
        props.setProperty("mail." + protocol + ".port", Integer.toString(settings.port()));
        props.setProperty("mail." + protocol + ".auth", Boolean.toString(settings.authenticates()));
        props.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        props.setProperty("mail." + protocol + ".timeout", timeout);
        props.setProperty("mail." + protocol + ".writetimeout", timeout);
        if (!settings.ssl()) {
            props.setProperty("mail.smtp.starttls.enable", Boolean.toString(!Boolean.FALSE.equals(settings.startTls())));
            props.setProperty("mail.smtp.starttls.required", Boolean.toString(Boolean.TRUE.equals(settings.startTls())));
        } else {
            props.setProperty("mail.smtps.ssl.checkserveridentity", "true");
        }
        return props;
    }
}
