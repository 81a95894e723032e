package io.supporthub.channels.viber;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into parts of at most {@code max} characters, preferring a paragraph break, then a line break,
 * then a space in the second half of the part, and never cutting a surrogate pair.
 */
final class TextSplitter {

    private TextSplitter() {
    }

    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = cutPoint(rest, max);
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isBlank()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int cutPoint(String text, int max) {
        int floor = max / 2;
        for (String separator : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(separator, max - separator.length());
            if (at >= floor) {
                return at + separator.length();
            }
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }
}
