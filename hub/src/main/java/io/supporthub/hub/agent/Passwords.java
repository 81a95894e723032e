package io.supporthub.hub.agent;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Password hashing, random secrets, and the SHA-256 under which tokens are stored.
 * <p>
 * A stored hash names its scheme. The current one, {@code bcrypt-sha256:<bcrypt>}, runs bcrypt over the base64 of
 * the password's SHA-256: bcrypt reads at most 72 bytes, so a longer password would otherwise be cut (and the
 * library refuses it), while 44 base64 characters carry all of it and never a NUL. Hashes written before schemes were
 * named are plain bcrypt ({@code $2a$...}); they still verify, and {@link #needsRehash} tells the login to replace
 * them.
 */
public final class Passwords {

    static final String SCHEME = "bcrypt-sha256:";
    static final int DEFAULT_COST = 11;
    private static final String LEGACY_BCRYPT = "$2";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * bcrypt's cost (2^cost rounds, about 150 ms at 11 on a current core). The test suite lowers it with the system
     * property {@code supporthub.passwordHashCost} (hundreds of logins would otherwise spend minutes hashing); a
     * value outside bcrypt's 4..31, or none, gives 11.
     */
    private static final int COST = cost(System.getProperty("supporthub.passwordHashCost"));

    private Passwords() {
    }

    public static String hash(String password) {
        return SCHEME + BCrypt.withDefaults().hashToString(COST, preHash(password));
    }

    public static boolean matches(String password, String stored) {
        if (stored.startsWith(SCHEME)) {
            return BCrypt.verifyer().verify(preHash(password), stored.substring(SCHEME.length())).verified;
        }
        if (stored.startsWith(LEGACY_BCRYPT)) {
            // What bcrypt itself would have read of a longer password: the first 72 bytes.
            return BCrypt.verifyer(null, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A))
                    .verify(password.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8)).verified;
        }
        return false;
    }

    /** Whether a hash that just verified should be written again in the current scheme and cost. */
    public static boolean needsRehash(String stored) {
        return !stored.startsWith(SCHEME + String.format(java.util.Locale.ROOT, "$2a$%02d$", COST));
    }

    static int cost(String configured) {
        try {
            int cost = configured == null ? DEFAULT_COST : Integer.parseInt(configured.trim());
            return cost >= 4 && cost <= 31 ? cost : DEFAULT_COST;
        } catch (NumberFormatException e) {
            return DEFAULT_COST;
        }
    }

    private static char[] preHash(String password) {
        return Base64.getEncoder().encodeToString(digest(password)).toCharArray();
    }

    /** A random URL-safe secret of {@code bytes} bytes of entropy. */
    public static String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** Tokens are stored hashed, so a leaked table gives no session away. */
    public static String sha256(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
