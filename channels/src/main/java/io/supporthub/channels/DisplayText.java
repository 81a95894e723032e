package io.supporthub.channels;

import java.util.regex.Pattern;

/**
 * Names and subjects as the hub shows them inline, in lists and headings: one line, of bounded length, and unable to
 * reorder the page around them. The bidirectional embedding, override and isolate controls (U+202A-202E,
 * U+2066-2069) are removed, as they would keep acting on the text after the name (an "RLO" in a name turns the rest
 * of the row backwards); control characters become spaces; what is too long is cut at a word with an ellipsis.
 * Texts of messages are never cut here: a long message is kept whole.
 */
public final class DisplayText {

    public static final int MAX_NAME = 120;
    public static final int MAX_SUBJECT = 250;

    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}+");

    private DisplayText() {
    }

    /** A person's or agent's name; null stays null, and a name of nothing but controls becomes null. */
    public static String name(String raw) {
        return line(raw, MAX_NAME);
    }

    /** A subject line; null stays null, and one of nothing but controls becomes null. */
    public static String subject(String raw) {
        return line(raw, MAX_SUBJECT);
    }

    private static String line(String raw, int max) {
        if (raw == null) {
            return null;
        }
        String clean = CONTROLS.matcher(BIDI_CONTROLS.matcher(raw).replaceAll("")).replaceAll(" ").strip();
        return clean.isEmpty() ? null : cut(clean, max);
    }

    /** At most {@code max} characters, cut at a space in its second half when there is one, never within a pair. */
    static String cut(String line, int max) {
        if (line.length() <= max) {
            return line;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(line.charAt(end)) && Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        int space = line.lastIndexOf(' ', end);
        return line.substring(0, space > max / 2 ? space : end).stripTrailing() + "…";
    }
}
