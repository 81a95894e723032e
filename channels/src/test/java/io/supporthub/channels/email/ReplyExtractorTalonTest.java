package io.supporthub.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** talon's own expectations, from the corpus: standard replies, HTML replies and the extracted test pairs. */
class ReplyExtractorTalonTest {

    private final ReplyExtractor extractor = new ReplyExtractor();

    @Test
    void standardReplies_giveTalonsExpectedText() throws Exception {
        Path dir = Corpus.email("talon/standard_replies");
        List<Path> mails;
        try (Stream<Path> files = Files.list(dir)) {
            mails = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(mails).hasSizeGreaterThanOrEqualTo(12);
        for (Path mail : mails) {
            String name = mail.getFileName().toString().replace(".eml", "");
            Path replyFile = dir.resolve(name + "_reply_text");
            String expected = Files.exists(replyFile) ? Files.readString(replyFile).strip() : "Hello";
            String plain = firstPlainPart(Files.readAllBytes(mail));
            assertThat(extractor.extractFromPlain(plain)).as(name).isEqualTo(expected);
        }
    }

    @Test
    void htmlReplies_giveTheReplyOnly() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Corpus.email("talon/html_replies"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(9);
        for (Path file : files) {
            String reply = HtmlText.toText(extractor.extractFromHtml(Files.readString(file)));
            assertThat(reply.replaceAll("\\s", "")).as(file.getFileName().toString()).isEqualTo("Hi.Iamfine.Thanks,Alex");
        }
    }

    @Test
    void textQuotationPairs_atLeastNinetyPercentPass() throws IOException {
        double rate = passRate("text_quotations_pairs.jsonl", false);
        assertThat(rate).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void htmlQuotationPairs_atLeastNinetyPercentPass() throws IOException {
        double rate = passRate("html_quotations_pairs.jsonl", true);
        assertThat(rate).isGreaterThanOrEqualTo(0.90);
    }

    private double passRate(String file, boolean html) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Corpus.email("talon/extracted/" + file), StandardCharsets.UTF_8);
        int passed = 0;
        int total = 0;
        List<String> failures = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode pair = json.readTree(line);
            String test = pair.get("test").asText();
            String input = pair.get("input").asText();
            String expected = pair.get("expected").asText();
            // upstream runs test_too_many_lines with talon's MAX_LINES_COUNT patched to 1
            ReplyExtractor used = test.equals("test_too_many_lines") ? new ReplyExtractor(1) : extractor;
            String actual = html ? used.extractFromHtml(input) : used.extractFromPlain(input);
            boolean ok = pair.hasNonNull("compare") ? normalise(actual).equals(normalise(expected)) : actual.equals(expected);
            total++;
            if (ok) {
                passed++;
            } else {
                failures.add(test + ": expected <" + expected + "> but was <" + actual + ">");
            }
        }
        double rate = (double) passed / total;
        System.out.printf("talon %s: %d/%d pass (%.1f %%)%n", file, passed, total, rate * 100);
        failures.forEach(f -> System.out.println("  not matched: " + f));
        return rate;
    }

    /** The pairs compare with all whitespace removed; entities are decoded so {@code &#160;} equals {@code &nbsp;}. */
    private static String normalise(String html) {
        return Parser.unescapeEntities(html, false).replaceAll("[\\s\\u00a0]", "");
    }

    static String firstPlainPart(byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        String text = findPlain(message);
        assertThat(text).as("a text/plain part").isNotNull();
        return text;
    }

    private static String findPlain(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = findPlain(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
