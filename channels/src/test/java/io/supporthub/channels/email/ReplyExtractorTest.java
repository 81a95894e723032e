package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ReplyExtractorTest {

    private final ReplyExtractor extractor = new ReplyExtractor();

    @Test
    void phoneSignature_isStripped() {
        assertThat(extractor.replyFromPlain("Hello\n\nSent from my iPhone\n\nOn Apr 3, 2012, at 4:19 PM, bob wrote:\n\n> Hi"))
                .isEqualTo("Hello");
    }

    @Test
    void dashDashSignature_isStripped() {
        assertThat(extractor.stripSignature("Thanks for the fix, works now.\n\n-- \nJohn Doe\nACME Corp"))
                .isEqualTo("Thanks for the fix, works now.");
    }

    @Test
    void singleLine_keepsItsText() {
        assertThat(extractor.replyFromPlain("Thanks")).isEqualTo("Thanks");
    }

    @Test
    void outlookBodySection_isCut() throws Exception {
        String html = Files.readString(Corpus.email("talon/OLK_SRC_BODY_SECTION.html"));
        assertThat(extractor.replyFromHtml(html)).isEqualTo("Reply");
    }

    @Test
    void replySeparatedByHr_keepsTextAboveTheHeaders() throws Exception {
        String html = Files.readString(Corpus.email("talon/reply-separated-by-hr.html"));
        assertThat(extractor.replyFromHtml(html).replaceAll("\\s+", " ")).isEqualTo("Hi there");
    }

    @Test
    void outlookWebReplyHeader_andWhatFollows_areCut() {
        String html = "<div>Done, see attached.</div><hr style=\"display:inline-block\"><div id=\"divRplyFwdMsg\">"
                + "<b>From:</b> Support<br><b>Sent:</b> Monday</div><div>Old question</div>";
        assertThat(extractor.replyFromHtml(html)).isEqualTo("Done, see attached.");
    }

    @Test
    void appleCiteBlockquote_isCut() {
        String html = "<div>Yes please</div><div><br><blockquote type=\"cite\"><div>Shall we?</div></blockquote></div>";
        assertThat(extractor.replyFromHtml(html)).isEqualTo("Yes please");
    }
}
