package io.supporthub.channels.email;

import io.supporthub.channels.Attachment;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files that pre-MIME clients (and some still) paste into a plain body as uuencoded blocks, {@code begin 644 name}
 * up to {@code end}: each block leaves the text and becomes an attachment. Angus Mail's uudecoder does the decoding;
 * a block it cannot decode stays in the text.
 */
final class InlineUuencode {

    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^begin [0-7]{3,4} ([^\\r\\n]+?)[ \\t]*\\r?\\n(?:[^\\r\\n]*\\r?\\n)*?end[ \\t]*(?:\\r?\\n|\\z)");

    record Result(String text, List<Attachment> files) {
    }

    private InlineUuencode() {
    }

    static Result extract(String text) {
        if (text == null || !text.contains("begin ")) {
            return new Result(text, List.of());
        }
        Matcher m = BLOCK.matcher(text);
        StringBuilder rest = new StringBuilder();
        List<Attachment> files = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            byte[] bytes = decode(m.group());
            if (bytes == null) {
                continue;
            }
            rest.append(text, last, m.start());
            last = m.end();
            String name = m.group(1).strip();
            String type = URLConnection.getFileNameMap().getContentTypeFor(name);
            files.add(Attachment.of(name, type, bytes));
        }
        if (files.isEmpty()) {
            return new Result(text, List.of());
        }
        rest.append(text.substring(last));
        return new Result(rest.toString(), List.copyOf(files));
    }

    private static byte[] decode(String block) {
        try (InputStream in = MimeUtility.decode(
                new ByteArrayInputStream(block.getBytes(StandardCharsets.ISO_8859_1)), "uuencode")) {
            return in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            return null;
        }
    }
}
