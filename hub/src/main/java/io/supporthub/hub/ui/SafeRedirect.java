package io.supporthub.hub.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the login page may send the browser afterwards ({@code ?next=}): only a path on this hub. The check runs on
 * the value decoded as often as a server or browser along the way might decode it, because browsers drop tabs and
 * newlines and read a backslash as a slash: {@code /%09/evil.example} becomes {@code //evil.example}, another site.
 */
final class SafeRedirect {

    static final String HOME = "/";
    /** Enough for a value encoded twice over, the most a proxy and a browser add between them. */
    private static final int DECODINGS = 3;

    private SafeRedirect() {
    }

    /** {@code next} when it is a path on this hub, else the inbox. */
    static String target(String next) {
        return next != null && isLocalPath(next) ? next : HOME;
    }

    static boolean isLocalPath(String next) {
        String value = next;
        for (int i = 0; i <= DECODINGS; i++) {
            if (!looksLocal(value)) {
                return false;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (decoded.equals(value)) {
                return true;
            }
            value = decoded;
        }
        return false;
    }

    /** A single leading slash and nothing a browser would strip or turn into one (controls, backslashes). */
    private static boolean looksLocal(String value) {
        if (value.length() < 1 || value.charAt(0) != '/') {
            return false;
        }
        if (value.length() > 1 && (value.charAt(1) == '/' || value.charAt(1) == '\\')) {
            return false;
        }
        return value.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ');
    }
}
