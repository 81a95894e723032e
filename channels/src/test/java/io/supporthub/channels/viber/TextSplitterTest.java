package io.supporthub.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void shortText_staysWhole() {
        assertThat(TextSplitter.split("Hello", 7000)).containsExactly("Hello");
    }

    @Test
    void blankText_givesNoParts() {
        assertThat(TextSplitter.split(" \n ", 7000)).isEmpty();
    }

    @Test
    void longText_isCutAtALineBreak() {
        List<String> parts = TextSplitter.split("aaaaaaa\nbbbbbbb\ncc", 16);
        assertThat(parts).containsExactly("aaaaaaa\nbbbbbbb", "cc");
    }

    @Test
    void textWithoutSpaces_isCutAtTheLimit_withoutBreakingASurrogatePair() {
        String text = "a".repeat(9) + "😀" + "b".repeat(5);
        List<String> parts = TextSplitter.split(text, 10);
        assertThat(parts.get(0)).isEqualTo("a".repeat(9));
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(10));
    }

    @Test
    void everyPart_fitsTheViberLimit() {
        String text = "lorem ipsum dolor ".repeat(2000);
        assertThat(TextSplitter.split(text, ViberSender.MAX_TEXT))
                .hasSize(6)
                .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(ViberSender.MAX_TEXT));
    }
}
