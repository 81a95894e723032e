package io.supporthub.channels.email;

import java.time.Duration;
import java.util.Set;

/**
 * Where and how to send mail, from {@code MAIL_SMTP_URL}: {@code smtp://user:pass@host:587?starttls=true} or
 * {@code smtps://user:pass@host:465} (TLS from the first byte). {@code starttls}: absent = use it when the server
 * offers it, {@code true} = required (never send the password in clear), {@code false} = never. {@code timeout} in
 * seconds (default 30). Special characters in the user or password are percent-encoded ({@code @} as {@code %40}).
 */
public record SmtpSettings(boolean ssl, String host, int port, String username, String password, Boolean startTls,
                           Duration timeout) {

    public static SmtpSettings parse(String url) {
        MailUrl parsed = MailUrl.parse("MAIL_SMTP_URL", url, Set.of("smtp", "smtps"));
        boolean ssl = parsed.scheme().equals("smtps");
        int port = parsed.port() > 0 ? parsed.port() : ssl ? 465 : 587;
        Boolean startTls = parsed.query().containsKey("starttls")
                ? MailUrl.flag("MAIL_SMTP_URL", parsed.query(), "starttls", true) : null;
        if (ssl && Boolean.TRUE.equals(startTls)) {
            throw new IllegalArgumentException("MAIL_SMTP_URL: smtps:// is already TLS; starttls=true belongs to smtp://");
        }
        if (parsed.user() != null && parsed.password() == null) {
            throw new IllegalArgumentException("MAIL_SMTP_URL names user '" + parsed.user() + "' but no password");
        }
        return new SmtpSettings(ssl, parsed.host(), port, parsed.user(), parsed.password(), startTls,
                Duration.ofSeconds(seconds(parsed.query().get("timeout"))));
    }

    private static long seconds(String value) {
        if (value == null) {
            return 30;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("MAIL_SMTP_URL: timeout must be a positive number of seconds, got '" + value + "'");
    }

    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return (ssl ? "smtps://" : "smtp://") + (username == null ? "" : username + ":***@") + host + ":" + port
                + (startTls == null ? "" : "?starttls=" + startTls);
    }
}
