package io.supporthub.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TelegramTextSplitterTest {

    @Test
    void shortText_isOnePiece() {
        assertThat(TelegramTextSplitter.split("Hello", 4096)).containsExactly("Hello");
    }

    @Test
    void longText_isCutAtTheLastLineBreak_whenNoParagraphFits() {
        String text = "x".repeat(60) + "\n" + "y".repeat(30) + "\n" + "z".repeat(20);

        assertThat(TelegramTextSplitter.split(text, 100)).containsExactly("x".repeat(60) + "\n" + "y".repeat(30), "z".repeat(20));
    }

    @Test
    void longLine_isCutBetweenWords() {
        String text = "word ".repeat(50).strip();

        List<String> pieces = TelegramTextSplitter.split(text, 32);

        assertThat(pieces).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(32).doesNotStartWith(" ").matches("(word ?)+"));
        assertThat(String.join(" ", pieces)).isEqualTo(text);
    }

    @Test
    void textWithoutSpaces_isCutHard_butNeverInsideASurrogatePair() {
        String text = "a".repeat(9) + "\uD83D\uDE00" + "b".repeat(5);

        List<String> pieces = TelegramTextSplitter.split(text, 10);

        assertThat(pieces).containsExactly("a".repeat(9), "\uD83D\uDE00" + "b".repeat(5));
    }

    @Test
    void fiveThousandCharacters_giveTwoPiecesUnderTheLimit() {
        String text = ("Lorem ipsum dolor sit amet. ").repeat(179);

        List<String> pieces = TelegramTextSplitter.split(text, 4096);

        assertThat(text.length()).isGreaterThan(5000);
        assertThat(pieces).hasSize(2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
    }
}
