package io.supporthub.channels.email;

import io.supporthub.channels.SenderAuthentication;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the topmost {@code Authentication-Results} header (RFC 8601), the one the receiving server added last: a
 * sender can write such headers too, but only below the receiving server's.
 */
final class AuthenticationResults {

    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern RESULT = Pattern.compile("^\\s*([A-Za-z0-9-]+)(?:/\\d+)?\\s*=\\s*([A-Za-z]+)");

    private AuthenticationResults() {
    }

    static Optional<SenderAuthentication> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.replaceAll("\r?\n", " ");
        for (String previous = null; !value.equals(previous); ) {
            previous = value;
            value = COMMENT.matcher(value).replaceAll(" ");
        }
        String[] parts = value.split(";");
        String server = null;
        String spf = null;
        String dkim = null;
        String dmarc = null;
        for (int i = 0; i < parts.length; i++) {
            Matcher m = RESULT.matcher(parts[i]);
            if (!m.find()) {
                // Exchange Online leaves out the authserv-id that should come first and starts with a result
                server = i == 0 ? parts[0].strip().split("\\s+")[0] : server;
                continue;
            }
            String result = m.group(2);
            switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "spf" -> spf = spf == null ? result : spf;
                case "dkim" -> dkim = dkim == null || result.equalsIgnoreCase("pass") ? result : dkim;
                case "dmarc" -> dmarc = dmarc == null ? result : dmarc;
                default -> { }
            }
        }
        if (spf == null && dkim == null && dmarc == null) {
            return Optional.empty();
        }
        return Optional.of(new SenderAuthentication(server, spf, dkim, dmarc));
    }
}
