package io.supporthub.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line handling shared by the quotation rules, with Python's {@code splitlines} semantics (talon is written in Python). */
final class TextLines {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029]");
    private static final Pattern DELIMITER = Pattern.compile("\r?\n");

    private TextLines() {
    }

    /** Splits like Python's {@code str.splitlines()}: no trailing empty line after a final line break. */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        Matcher m = LINE_BREAK.matcher(text);
        int start = 0;
        while (m.find()) {
            lines.add(text.substring(start, m.start()));
            start = m.end();
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Python's {@code str.strip()}: also strips no-break spaces, which Java's {@code strip()} keeps. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean blank(String text) {
        return strip(text).isEmpty();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** The line delimiter the text uses: its first {@code \r\n} or {@code \n}, else {@code \n}. */
    static String delimiter(String text) {
        Matcher m = DELIMITER.matcher(text);
        return m.find() ? m.group() : "\n";
    }
}
