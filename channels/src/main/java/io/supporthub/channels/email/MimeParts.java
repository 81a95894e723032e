package io.supporthub.channels.email;

import io.supporthub.channels.Attachment;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a mail's MIME tree once and collects what the parser needs: the first plain and HTML bodies, attachments and
 * inline images (within the size limit), and for bounces the delivery-status report and the enclosed original's
 * headers. Enclosed mails are kept as {@code .eml} attachments, not descended into; nesting deeper than
 * {@link #MAX_DEPTH} multiparts is cut off. A part that cannot be read is skipped, never the whole mail.
 */
final class MimeParts {

    static final int MAX_DEPTH = 12;
    /** Enough of an enclosed original to read its headers. */
    private static final int HEADER_BYTES = 64 * 1024;
    private static final Pattern TYPE = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("name\\s*=\\s*\"?([^\";]+)", Pattern.CASE_INSENSITIVE);
    private static final Logger log = LoggerFactory.getLogger(MimeParts.class);

    private final long maxAttachmentBytes;
    String plain;
    String html;
    final List<Attachment> attachments = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    String deliveryStatus;
    byte[] originalHeaders;
    boolean tooDeep;

    MimeParts(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        Matcher m = TYPE.matcher(contentType);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "text/plain";
    }

    void walk(Part part, int depth, boolean inAlternative) {
        if (depth > MAX_DEPTH) {
            tooDeep = true;
            return;
        }
        String contentType = header(part, "Content-Type");
        String type = baseType(contentType);
        try {
            if (type.startsWith("multipart/")) {
                walkMultipart(part, type, contentType, depth);
            } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                enclosed(part);
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                deliveryStatus = readText(part, contentType);
            } else if (type.equals("text/rfc822-headers") || type.equals("message/global-headers")) {
                originalHeaders = read(part, HEADER_BYTES);
            } else if ((type.equals("text/plain") || type.equals("text/html")) && !isAttachment(part)) {
                body(type, readText(part, contentType), inAlternative);
            } else {
                attachment(part, type, contentType);
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            log.warn("skipped an unreadable {} part: {}", type, e.toString());
        }
    }

    private void walkMultipart(Part part, String type, String contentType, int depth)
            throws IOException, MessagingException {
        Object content;
        try {
            content = part.getContent();
        } catch (IOException | MessagingException | RuntimeException e) {
            log.warn("a {} that cannot be split into parts ({}), read as text", type, e.toString());
            body("text/plain", readText(part, contentType), false);
            return;
        }
        if (!(content instanceof Multipart multipart)) {
            body("text/plain", content instanceof String s ? s : readText(part, contentType), false);
            return;
        }
        boolean alternative = type.equals("multipart/alternative");
        for (int i = 0; i < multipart.getCount(); i++) {
            walk(multipart.getBodyPart(i), depth + 1, alternative);
        }
    }

    private void body(String type, String text, boolean inAlternative) {
        if (type.equals("text/html")) {
            html = html == null ? text : inAlternative ? html : html + "\n<hr>\n" + text;
        } else {
            InlineUuencode.Result uu = InlineUuencode.extract(text);
            uu.files().forEach(file -> keep(file.fileName(), file.contentType(), file.content(), false, null));
            text = uu.text();
            plain = plain == null ? text : inAlternative ? plain : plain + "\n\n" + text;
        }
    }

    private void enclosed(Part part) throws IOException, MessagingException {
        byte[] bytes = read(part, Long.MAX_VALUE);
        if (originalHeaders == null) {
            originalHeaders = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, HEADER_BYTES));
        }
        String name = fileName(part);
        keep(name == null ? "message.eml" : name, "message/rfc822", bytes, false, null);
    }

    private void attachment(Part part, String type, String contentType) throws IOException, MessagingException {
        String name = fileName(part);
        if (name == null) {
            Matcher m = NAME.matcher(contentType == null ? "" : contentType);
            name = m.find() ? MailText.decodeHeader(m.group(1)) : null;
        }
        if (name == null || name.isBlank()) {
            String subtype = type.substring(type.indexOf('/') + 1);
            name = subtype.matches("[a-z0-9]{1,8}") ? "attachment." + subtype : "attachment";
        }
        String contentId = header(part, "Content-ID");
        contentId = contentId == null ? null : contentId.strip().replaceAll("^<|>$", "");
        String disposition = header(part, "Content-Disposition");
        boolean inline = disposition == null ? contentId != null : disposition.strip().toLowerCase(Locale.ROOT).startsWith("inline");
        long limit = maxAttachmentBytes;
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long total = in.transferTo(new LimitedStream(out, limit));
            if (total > limit) {
                refused.add(name + " (" + megabytes(total) + ")");
                return;
            }
            bytes = out.toByteArray();
        }
        keep(name, type, bytes, inline, contentId);
    }

    private void keep(String name, String type, byte[] bytes, boolean inline, String contentId) {
        if (bytes.length > maxAttachmentBytes) {
            refused.add(name + " (" + megabytes(bytes.length) + ")");
        } else {
            attachments.add(new Attachment(name, type, bytes, inline, contentId));
        }
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 10 ? Math.round(mb) + " MB" : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private static boolean isAttachment(Part part) {
        String disposition = header(part, "Content-Disposition");
        if (disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment")) {
            return true;
        }
        return fileName(part) != null;
    }

    private static String fileName(Part part) {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            name = null;
        }
        return name == null || name.isBlank() ? null : MailText.decodeHeader(name);
    }

    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String readText(Part part, String contentType) throws IOException, MessagingException {
        Matcher m = CHARSET.matcher(contentType == null ? "" : contentType);
        return MailText.decode(read(part, Long.MAX_VALUE), m.find() ? m.group(1) : null);
    }

    private static byte[] read(Part part, long max) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream()) {
            return max == Long.MAX_VALUE ? in.readAllBytes() : in.readNBytes((int) max);
        }
    }

    /** Keeps at most {@code limit} bytes, counts the rest. */
    private static final class LimitedStream extends java.io.OutputStream {
        private final ByteArrayOutputStream target;
        private final long limit;

        LimitedStream(ByteArrayOutputStream target, long limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            if (target.size() < limit) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long room = limit - target.size();
            if (room > 0) {
                target.write(b, off, (int) Math.min(room, len));
            }
        }
    }
}
