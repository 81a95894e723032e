package io.supporthub.hub.email;

import io.supporthub.channels.email.ImapSettings;
import io.supporthub.channels.email.SmtpSettings;
import io.supporthub.hub.config.Config;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The support mailbox from the environment: {@code MAIL_IMAP_URL}, {@code MAIL_SMTP_URL} and {@code MAIL_FROM} turn
 * the channel on; {@code MAIL_FROM_NAME} (display name), {@code MAIL_REPLY_TO} and {@code MAIL_POLL_SECONDS}
 * (default 60) are optional. A malformed value stops the start with a message naming the variable.
 *
 * @param from the sender as SmtpSender takes it, e.g. {@code "Acme Support" <help@acme.example>}
 */
public record EmailSettings(ImapSettings imap, SmtpSettings smtp, String from, String replyTo, Duration pollInterval,
                            long maxAttachmentBytes, String publicUrl) {

    private static final Logger log = LoggerFactory.getLogger(EmailSettings.class);

    /** The settings when the channel is configured; otherwise logs once that it is off and gives nothing. */
    public static Optional<EmailSettings> from(Config config) {
        Optional<String> imap = config.get("MAIL_IMAP_URL");
        Optional<String> smtp = config.get("MAIL_SMTP_URL");
        Optional<String> from = config.get("MAIL_FROM");
        if (imap.isEmpty() || smtp.isEmpty() || from.isEmpty()) {
            log.info("Email channel off: set MAIL_IMAP_URL, MAIL_SMTP_URL and MAIL_FROM to turn it on");
            return Optional.empty();
        }
        int pollSeconds = config.getInt("MAIL_POLL_SECONDS", 60);
        if (pollSeconds <= 0) {
            throw new IllegalArgumentException("MAIL_POLL_SECONDS must be positive, got " + pollSeconds);
        }
        return Optional.of(new EmailSettings(ImapSettings.parse(imap.get()), SmtpSettings.parse(smtp.get()),
                sender(from.get(), config.get("MAIL_FROM_NAME").orElse(null)), config.get("MAIL_REPLY_TO").orElse(null),
                Duration.ofSeconds(pollSeconds), config.maxAttachmentBytes(), config.publicUrl()));
    }

    /** MAIL_FROM with MAIL_FROM_NAME as its display name when given (it replaces a name written in MAIL_FROM). */
    static String sender(String mailFrom, String name) {
        if (name == null || name.isBlank()) {
            return mailFrom;
        }
        try {
            InternetAddress address = new InternetAddress(mailFrom, true);
            return new InternetAddress(address.getAddress(), name.strip(), StandardCharsets.UTF_8.name()).toString();
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("MAIL_FROM must be an address like help@example.com, got '" + mailFrom + "'");
        }
    }

    @Override
    public String toString() {
        return "EmailSettings[imap=" + imap + ", smtp=" + smtp + ", from=" + from + ", replyTo=" + replyTo
                + ", poll=" + pollInterval + "]";
    }
}
