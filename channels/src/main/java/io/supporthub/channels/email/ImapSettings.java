package io.supporthub.channels.email;

import java.util.Set;

/**
 * The support mailbox, from {@code MAIL_IMAP_URL}: {@code imaps://user:pass@host:993/INBOX} (TLS) or
 * {@code imap://user:pass@host:143/INBOX}; the folder defaults to INBOX. Special characters in the user or password
 * are percent-encoded ({@code @} as {@code %40}).
 */
public record ImapSettings(boolean ssl, String host, int port, String username, String password, String folder) {

    public static ImapSettings parse(String url) {
        MailUrl parsed = MailUrl.parse("MAIL_IMAP_URL", url, Set.of("imap", "imaps"));
        if (parsed.user() == null || parsed.user().isBlank() || parsed.password() == null) {
            throw new IllegalArgumentException("MAIL_IMAP_URL needs a user and password: "
                    + parsed.scheme() + "://user:password@" + parsed.host() + "/INBOX");
        }
        boolean ssl = parsed.scheme().equals("imaps");
        int port = parsed.port() > 0 ? parsed.port() : ssl ? 993 : 143;
        String folder = parsed.path().replaceAll("^/+|/+$", "");
        return new ImapSettings(ssl, parsed.host(), port, parsed.user(), parsed.password(),
                folder.isEmpty() ? "INBOX" : folder);
    }

    /** The name the cursor is stored under: one mailbox, one cursor. */
    public String mailboxKey() {
        return username + "@" + host + ":" + port + "/" + folder;
    }

    @Override
    public String toString() {
        return (ssl ? "imaps://" : "imap://") + username + ":***@" + host + ":" + port + "/" + folder;
    }
}
