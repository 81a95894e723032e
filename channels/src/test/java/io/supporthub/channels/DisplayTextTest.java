package io.supporthub.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void bidiOverridesAndIsolates_areRemoved_controlsBecomeSpaces() {
        assertThat(DisplayText.name("Eve\u202Egnp.exe\u202C")).isEqualTo("Evegnp.exe");
        assertThat(DisplayText.subject("\u2066Refund\u2069 \u202Aplease\u202B\u202D")).isEqualTo("Refund please");
        assertThat(DisplayText.name("Anna\r\nBcc: x\tLee\u0000")).isEqualTo("Anna Bcc: x Lee");
        assertThat(DisplayText.name("שלום Anna")).as("right-to-left letters stay").isEqualTo("שלום Anna");
        assertThat(DisplayText.name("\u202E\u202C \n")).isNull();
        assertThat(DisplayText.name(null)).isNull();
    }

    @Test
    void longNamesAndSubjects_areCutAtAWordWithAnEllipsis() {
        String subject = DisplayText.subject("word ".repeat(100));
        assertThat(subject).hasSizeLessThanOrEqualTo(DisplayText.MAX_SUBJECT).endsWith("word…");
        String name = DisplayText.name("x".repeat(500));
        assertThat(name).hasSize(DisplayText.MAX_NAME).endsWith("x…");
        assertThat(DisplayText.name("a".repeat(DisplayText.MAX_NAME))).hasSize(DisplayText.MAX_NAME).doesNotContain("…");
    }

    @Test
    void cut_neverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "😀".repeat(100);
        String cut = DisplayText.name(emoji);
        assertThat(cut).endsWith("😀…");
        assertThat(loneSurrogates(cut)).isZero();
        assertThat(DisplayText.name("a" + emoji)).endsWith("😀…");
        assertThat(loneSurrogates(DisplayText.name("a" + emoji))).isZero();
    }

    private static long loneSurrogates(String text) {
        return text.codePoints().filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE).count();
    }

    @Test
    void inboundMessage_keepsALongTextWhole_butCutsItsSubjectAndSendersName() {
        String text = "Long story. ".repeat(20_000);
        InboundMessage message = new InboundMessage(ChannelKind.EMAIL, Address.email("eve@example.org"),
                SenderProfile.named("\u202EEve " + "Example".repeat(40)), "m-1", text, null,
                "Subject " + "very ".repeat(100), null, List.of(), Instant.EPOCH, false, false, List.of());
        assertThat(message.text()).isEqualTo(text);
        assertThat(message.subject()).hasSizeLessThanOrEqualTo(DisplayText.MAX_SUBJECT).endsWith("…");
        assertThat(message.sender().name()).startsWith("Eve Example").hasSize(DisplayText.MAX_NAME).endsWith("…");
    }
}
