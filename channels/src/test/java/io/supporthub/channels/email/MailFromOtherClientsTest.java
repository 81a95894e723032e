package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.InboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mail as older and odder clients write it (fixtures in test resources {@code mail/}): every attachment arrives. */
class MailFromOtherClientsTest {

    private final MailParser parser = new MailParser(1024 * 1024);

    @Test
    void multipartWithoutMimeVersion_isStillReadAsMime_andKeepsItsCsv() throws Exception {
        InboundMessage message = parse("no-mime-version-mixed.eml");
        assertThat(message.text()).isEmpty();
        assertThat(message.attachments()).hasSize(1);
        Attachment csv = message.attachments().get(0);
        assertThat(csv.fileName()).isEqualTo("invoices.csv");
        assertThat(csv.contentType()).isEqualTo("text/csv");
        assertThat(new String(csv.content(), StandardCharsets.US_ASCII)).isEqualTo("id,amount\n1,10.50\n2,7.25");
    }

    @ParameterizedTest
    @CsvSource({"cte-xuuencode, x-uuencode", "cte-uuencode, uuencode", "cte-xuue, x-uue"})
    void uuencodedTransferEncoding_givesTheFileItsNameAndDecodedBytes(String fixture, String encoding) throws Exception {
        InboundMessage message = parse(fixture + ".eml");
        assertThat(message.text()).isEqualTo("The report is attached.");
        assertThat(message.attachments()).as(encoding).singleElement().satisfies(report -> {
            assertThat(report.fileName()).isEqualTo("report.pdf");
            assertThat(report.contentType()).isEqualTo("application/pdf");
            assertThat(report.content()).isEqualTo(resource(fixture + ".bytes"));
        });
    }

    @Test
    void inlineUuencodedBlocks_leaveTheTextAndBecomeAttachments() throws Exception {
        InboundMessage message = parse("inline-uuencode.eml");
        assertThat(message.text())
                .contains("the printer stopped again", "and the picture:", "Thanks, Pat")
                .doesNotContain("begin 644", "end\n", "M,C R");
        assertThat(message.html()).doesNotContain("begin 644");
        assertThat(message.attachments()).extracting(Attachment::fileName)
                .containsExactly("printer.log", "photo of panel.png");
        assertThat(message.attachments().get(0).content()).isEqualTo(resource("inline-uuencode-printer.log"));
        assertThat(message.attachments().get(1).content()).isEqualTo(resource("inline-uuencode-photo.bytes"));
        assertThat(message.attachments().get(1).contentType()).isEqualTo("image/png");
    }

    private InboundMessage parse(String fixture) throws Exception {
        return (InboundMessage) parser.parse(resource(fixture)).get(0);
    }

    private static byte[] resource(String name) {
        try (InputStream in = MailFromOtherClientsTest.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource mail/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
