package io.supporthub.channels.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into pieces Telegram accepts (4096 characters a message), at the last paragraph break that
 * fits, else the last line break, else the last space, and only as a last resort inside a word (never inside a
 * surrogate pair).
 */
final class TelegramTextSplitter {

    private TelegramTextSplitter() {
    }

    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = cutPoint(rest, max);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int cutPoint(String text, int max) {
        String window = text.substring(0, max + 1);
        int least = max / 2;
        int paragraph = window.lastIndexOf("\n\n", max - 1);
        if (paragraph >= least) {
            return paragraph;
        }
        int line = window.lastIndexOf('\n', max);
        if (line >= least) {
            return line;
        }
        for (int i = max; i >= least; i--) {
            if (Character.isWhitespace(window.charAt(i))) {
                return i;
            }
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }
}
