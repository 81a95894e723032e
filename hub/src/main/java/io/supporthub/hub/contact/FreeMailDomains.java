package io.supporthub.hub.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The free-mail domains (gmail.com, outlook.com, mail.ru, yandex.ru and the like), one list in one place
 * ({@code free-mail-domains.txt} beside this class): anyone can have an address there, so such a domain can never be
 * a company's, and a sender there is never matched to a company by domain.
 */
public final class FreeMailDomains {

    private static final Set<String> DOMAINS = load();

    private FreeMailDomains() {
    }

    /** Whether the domain (any case, with or without a trailing dot) is a free-mail one. */
    public static boolean isFreeMail(String domain) {
        return DOMAINS.contains(normalise(domain));
    }

    /** The domain of an email address, lower-case, or null when it has none. */
    public static String domainOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? null : normalise(email.substring(at + 1));
    }

    public static Set<String> all() {
        return DOMAINS;
    }

    private static String normalise(String domain) {
        String lower = domain.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static Set<String> load() {
        try (InputStream in = FreeMailDomains.class.getResourceAsStream("free-mail-domains.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(FreeMailDomains::normalise).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
