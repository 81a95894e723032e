package io.supporthub.channels.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void plainGsmText_upTo160Characters_isOneSegment() {
        SmsSegments segments = SmsSegments.of("a".repeat(160));

        assertThat(segments.encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(segments.units()).isEqualTo(160);
        assertThat(segments.segments()).isEqualTo(1);
    }

    @Test
    void gsmText_over160_isCutInSegmentsOf153() {
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void accentsOfTheGsmAlphabet_stayGsm() {
        SmsSegments segments = SmsSegments.of("Déjà réglé? ¿Qué? Señor Müller £5 @home");

        assertThat(segments.encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
    }

    @Test
    void accentOutsideTheGsmAlphabet_needsUcs2() {
        assertThat(SmsSegments.of("Lima, Perú").encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
    }

    @Test
    void extensionCharacters_countDouble() {
        SmsSegments segments = SmsSegments.of("€".repeat(80));

        assertThat(segments.encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(segments.units()).isEqualTo(160);
        assertThat(segments.segments()).isEqualTo(1);
        assertThat(SmsSegments.of("€".repeat(80) + "a").segments()).isEqualTo(2);
    }

    @Test
    void escapePair_isNeverSplitBetweenSegments() {
        String text = "a".repeat(152) + "[" + "a".repeat(10);

        SmsSegments segments = SmsSegments.of(text);

        assertThat(segments.units()).isEqualTo(164);
        assertThat(segments.segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(152) + "[" + "a".repeat(152)).segments()).isEqualTo(3);
    }

    @Test
    void emoji_switchesToUcs2_with70And67() {
        SmsSegments one = SmsSegments.of("Thanks 🙂");

        assertThat(one.encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(one.units()).isEqualTo(9);
        assertThat(one.segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ж".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ж".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void surrogatePair_isNeverSplitBetweenSegments() {
        assertThat(SmsSegments.of("a".repeat(66) + "🙂" + "a".repeat(10)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(66) + "🙂" + "a".repeat(66)).segments()).isEqualTo(3);
    }

    @Test
    void emptyText_isNoSegment() {
        assertThat(SmsSegments.of("").segments()).isZero();
    }

    @Test
    void theFirstCharacterOutsideGsm7_isNamed_anEmojiAsOneCharacter() {
        assertThat(SmsSegments.firstOutsideGsm7("Plain text, {braces} and €")).isEqualTo(-1);
        assertThat(SmsSegments.firstOutsideGsm7("Done – thanks")).isEqualTo('–');
        assertThat(SmsSegments.firstOutsideGsm7("ok 👍 ’")).isEqualTo("👍".codePointAt(0));
    }
}
