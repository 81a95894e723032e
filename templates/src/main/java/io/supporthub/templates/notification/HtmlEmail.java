package io.supporthub.templates.notification;

import io.supporthub.templates.Languages;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TextMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a plain text into the HTML part of an email: paragraphs at blank lines, line breaks kept, every character
 * of the text escaped, http(s) links clickable, in a simple inline-styled layout.
 */
public final class HtmlEmail {
    private static final String LAYOUT_RESOURCE = "email-layout.html";
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)»\"'";

    private final TemplateRenderer renderer;
    private final String layout;

    public HtmlEmail(TemplateRenderer renderer) {
        this.renderer = renderer;
        this.layout = readLayout();
    }

    public String wrap(String language, String subject, String plainText) {
        return renderer.render(layout, Map.of(
                "language", Languages.resolve(language),
                "subject", subject == null ? "" : subject,
                "paragraphs", paragraphs(plainText == null ? "" : plainText)), TextMode.HTML);
    }

    private static List<Map<String, Object>> paragraphs(String text) {
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").strip())) {
            if (paragraph.isBlank()) {
                continue;
            }
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                lines.add(Map.of("br", !lines.isEmpty(), "segments", segments(line)));
            }
            paragraphs.add(Map.of("lines", lines));
        }
        return paragraphs;
    }

    private static List<Map<String, String>> segments(String line) {
        List<Map<String, String>> segments = new ArrayList<>();
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING_PUNCTUATION.indexOf(line.charAt(end - 1)) >= 0) {
                end--;
            }
            if (m.start() > at) {
                segments.add(Map.of("text", line.substring(at, m.start())));
            }
            segments.add(Map.of("url", line.substring(m.start(), end)));
            at = end;
        }
        if (at < line.length()) {
            segments.add(Map.of("text", line.substring(at)));
        }
        return segments;
    }

    private static String readLayout() {
        try (InputStream in = HtmlEmail.class.getResourceAsStream(LAYOUT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("email layout " + LAYOUT_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the email layout " + LAYOUT_RESOURCE, e);
        }
    }
}
