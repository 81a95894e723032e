package io.supporthub.channels;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into parts a messenger accepts, each at most {@code maxLength} characters (UTF-16 units): at the
 * last paragraph break in the second half of the part, else the last line break, else the last space, and only as a
 * last resort inside a word, never inside a surrogate pair. The break and the spaces around it are dropped, and so
 * are parts with nothing to show; the text's own leading and trailing spaces are kept (strip it first to lose them).
 *
 * @param maxLength                the messenger's limit
 * @param breaksWithinTheLimitOnly false when a break just past the limit still counts, as it is dropped anyway; true
 *                                 when the break itself must fit in the part
 * @param plainSpacesOnly          false when a tab or any other whitespace separates words; true for the plain space
 *                                 only
 */
public record TextSplitter(int maxLength, boolean breaksWithinTheLimitOnly, boolean plainSpacesOnly) {

    /** Parts of at most {@code maxLength} characters, a break just past the limit counting, at any whitespace. */
    public TextSplitter(int maxLength) {
        this(maxLength, false, false);
    }

    public TextSplitter breakingWithinTheLimitOnly() {
        return new TextSplitter(maxLength, true, plainSpacesOnly);
    }

    public TextSplitter atPlainSpacesOnly() {
        return new TextSplitter(maxLength, breaksWithinTheLimitOnly, true);
    }

    /** The parts in order: none for a blank text, the text itself when it fits. */
    public List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > maxLength) {
            int cut = cutPoint(rest);
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

    /** Where the part ends: at the start of the break, which the part and the rest both lose. */
    private int cutPoint(String text) {
        String window = text.substring(0, breaksWithinTheLimitOnly ? maxLength : maxLength + 1);
        int least = maxLength / 2;
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph >= least) {
            return paragraph;
        }
        int line = window.lastIndexOf('\n');
        if (line >= least) {
            return line;
        }
        for (int i = window.length() - 1; i >= least; i--) {
            if (separatesWords(window.charAt(i))) {
                return i;
            }
        }
        return Character.isSurrogatePair(text.charAt(maxLength - 1), text.charAt(maxLength)) ? maxLength - 1 : maxLength;
    }

    private boolean separatesWords(char c) {
        return plainSpacesOnly ? c == ' ' : Character.isWhitespace(c);
    }
}
