package io.supporthub.hub.agent;

import io.supporthub.hub.error.Refusal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@link #MIN_CHARACTERS} characters, at most {@link #MAX_BYTES} bytes (hashing
 * stays cheap), not the agent's email, and not one of the 10,000 most common passwords ({@code common-passwords.txt},
 * from zxcvbn; its header names the source and licence).
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 8;
    public static final int MAX_BYTES = 1024;
    private static final Set<String> COMMON = load("agent/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** Refuses (400, saying why) a password that breaks a rule. */
    public static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw Refusal.invalid("a password needs at least " + MIN_CHARACTERS + " characters");
        }
        if (tooLong(password)) {
            throw Refusal.invalid("a password may have at most " + MAX_BYTES + " bytes");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (lower.equals(address) || address.contains("@") && lower.equals(address.substring(0, address.indexOf('@')))) {
            throw Refusal.invalid("a password must not be your email address");
        }
        if (COMMON.contains(lower)) {
            throw Refusal.invalid("this password is one of the most common ones; choose another");
        }
    }

    static boolean tooLong(String password) {
        return password.length() > MAX_BYTES || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
