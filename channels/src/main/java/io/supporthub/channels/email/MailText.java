package io.supporthub.channels.email;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decoding that never throws: RFC 2047 encoded words with any charset (an unknown or wrong one falls back to UTF-8 when
 * the bytes are valid UTF-8, else windows-1252), and body bytes in their declared charset with the same fallback.
 */
final class MailText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern SPACE_BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private MailText() {
    }

    /** An unfolded header value with its encoded words decoded. */
    static String decodeHeader(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.replaceAll("\r?\n[ \t]", " ").replaceAll("[\r\n]", "");
        if (!value.contains("=?")) {
            return value.strip();
        }
        value = SPACE_BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        while (m.find()) {
            if (m.start() > last) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(value, last, m.start());
            }
            String charset = m.group(1).replaceAll("\\*.*$", "");
            if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset);
            }
            pendingCharset = charset;
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : qDecode(m.group(3));
            pending.writeBytes(bytes);
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(value.substring(last));
        return out.toString().strip();
    }

    /** Adjacent words of one charset are joined before decoding: a multi-byte character may be split across them. */
    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    /** Bytes in a declared charset; an unknown charset, or bytes that do not fit it, fall back sensibly. */
    static String decode(byte[] bytes, String declared) {
        Charset charset = charset(declared);
        if (charset != null && !isLatin(charset)) {
            return new String(bytes, charset);
        }
        // unknown, or a Latin charset that is often declared for UTF-8 text: valid UTF-8 is almost never Latin-1
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8;
        }
        return new String(bytes, charset == null || charset.equals(StandardCharsets.US_ASCII) ? FALLBACK : charset);
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.strip().replaceAll("^[\"']|[\"']$", "").toLowerCase(Locale.ROOT);
        if (clean.equals("utf8")) {
            clean = "utf-8";
        }
        try {
            return Charset.forName(clean);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isLatin(Charset charset) {
        return charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(FALLBACK);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        if (clean.length() % 4 == 1) {
            clean = clean.substring(0, clean.length() - 1);
        }
        while (clean.length() % 4 != 0) {
            clean += "=";
        }
        try {
            return Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] qDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c > 0xff ? '?' : c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
