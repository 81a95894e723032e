package io.supporthub.channels;

import io.supporthub.channels.viber.ViberSender;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextSplitterTest {

    /** As {@code TelegramSender} cuts a text: stripped, a break just past the limit counting, at any whitespace. */
    private static List<String> telegramPieces(String text, int max) {
        return new TextSplitter(max).split(text.strip());
    }

    /** As {@code ViberSender} cuts a text: at a break that fits within the limit, at plain spaces only. */
    private static List<String> viberParts(String text, int max) {
        return new TextSplitter(max).breakingWithinTheLimitOnly().atPlainSpacesOnly().split(text);
    }

    @Test
    void shortText_isOnePiece() {
        assertThat(telegramPieces("Hello", 4096)).containsExactly("Hello");
    }

    @Test
    void shortText_staysWhole() {
        assertThat(viberParts("Hello", 7000)).containsExactly("Hello");
    }

    @Test
    void blankText_givesNoParts() {
        assertThat(viberParts(" \n ", 7000)).isEmpty();
    }

    @Test
    void longText_isCutAtTheLastLineBreak_whenNoParagraphFits() {
        String text = "x".repeat(60) + "\n" + "y".repeat(30) + "\n" + "z".repeat(20);

        assertThat(telegramPieces(text, 100)).containsExactly("x".repeat(60) + "\n" + "y".repeat(30), "z".repeat(20));
    }

    @Test
    void longText_isCutAtALineBreak() {
        List<String> parts = viberParts("aaaaaaa\nbbbbbbb\ncc", 16);
        assertThat(parts).containsExactly("aaaaaaa\nbbbbbbb", "cc");
    }

    @Test
    void longLine_isCutBetweenWords() {
        String text = "word ".repeat(50).strip();

        List<String> pieces = telegramPieces(text, 32);

        assertThat(pieces).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(32).doesNotStartWith(" ").matches("(word ?)+"));
        assertThat(String.join(" ", pieces)).isEqualTo(text);
    }

    @Test
    void textWithoutSpaces_isCutHard_butNeverInsideASurrogatePair() {
        String text = "a".repeat(9) + "\uD83D\uDE00" + "b".repeat(5);

        List<String> pieces = telegramPieces(text, 10);

        assertThat(pieces).containsExactly("a".repeat(9), "\uD83D\uDE00" + "b".repeat(5));
    }

    @Test
    void textWithoutSpaces_isCutAtTheLimit_withoutBreakingASurrogatePair() {
        String text = "a".repeat(9) + "😀" + "b".repeat(5);
        List<String> parts = viberParts(text, 10);
        assertThat(parts.get(0)).isEqualTo("a".repeat(9));
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(10));
    }

    @Test
    void fiveThousandCharacters_giveTwoPiecesUnderTheLimit() {
        String text = ("Lorem ipsum dolor sit amet. ").repeat(179);

        List<String> pieces = telegramPieces(text, 4096);

        assertThat(text.length()).isGreaterThan(5000);
        assertThat(pieces).hasSize(2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
    }

    @Test
    void everyPart_fitsTheViberLimit() {
        String text = "lorem ipsum dolor ".repeat(2000);
        assertThat(viberParts(text, ViberSender.MAX_TEXT))
                .hasSize(6)
                .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(ViberSender.MAX_TEXT));
    }

    @Test
    void aTextThatFits_isKeptAsItIs_spacesIncluded() {
        assertThat(new TextSplitter(10).split("  Hello \n")).containsExactly("  Hello \n");
    }

    @Test
    void aSpaceJustPastTheLimit_isABreak_unlessBreaksMustFitWithinTheLimit() {
        String text = "a".repeat(6) + " " + "b".repeat(3) + " " + "c".repeat(5);

        assertThat(new TextSplitter(10).split(text)).containsExactly("aaaaaa bbb", "ccccc");
        assertThat(new TextSplitter(10).breakingWithinTheLimitOnly().split(text)).containsExactly("aaaaaa", "bbb ccccc");
    }

    @Test
    void aTab_separatesWords_unlessOnlyPlainSpacesDo() {
        String text = "a".repeat(6) + "\t" + "b".repeat(7);

        assertThat(new TextSplitter(10).split(text)).containsExactly("aaaaaa", "bbbbbbb");
        assertThat(new TextSplitter(10).atPlainSpacesOnly().split(text)).containsExactly("aaaaaa\tbbb", "bbbb");
    }
}
