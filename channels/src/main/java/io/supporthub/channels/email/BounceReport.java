package io.supporthub.channels.email;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.DeliveryUpdate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bounce: a {@code multipart/report; report-type=delivery-status} (RFC 3464), or a mailer-daemon/postmaster
 * mail that encloses our original. The original's Message-ID comes from the enclosed {@code message/rfc822} or
 * {@code text/rfc822-headers} part, else from a "Message-ID:" line quoted in the text, else from In-Reply-To and
 * References. A report whose action is "delayed" (still being retried) is not a failure and gives nothing.
 */
final class BounceReport {

    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^\\s*Message-ID:\\s*<([^>\\s]+)>");

    private BounceReport() {
    }

    static boolean isBounce(String contentType, MimeParts parts, String senderEmail) {
        boolean report = MimeParts.baseType(contentType).equals("multipart/report")
                && contentType.toLowerCase(Locale.ROOT).replace("\"", "").contains("report-type=delivery-status");
        if (report || parts.deliveryStatus != null) {
            return true;
        }
        String local = senderEmail == null ? "" : senderEmail.toLowerCase(Locale.ROOT);
        boolean daemon = local.startsWith("mailer-daemon@") || local.startsWith("postmaster@");
        return daemon && (parts.originalHeaders != null
                || (parts.plain != null && MESSAGE_ID_LINE.matcher(parts.plain).find()));
    }

    static Optional<DeliveryUpdate> update(MimeParts parts, String subject, List<String> replyToIds, Instant at) {
        Map<String, String> status = fields(parts.deliveryStatus);
        String action = status.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        if (action.startsWith("delayed") || action.startsWith("delivered") || action.startsWith("relayed")
                || action.startsWith("expanded")) {
            return Optional.empty();
        }
        String originalId = originalMessageId(parts, replyToIds);
        if (originalId == null) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryUpdate(ChannelKind.EMAIL, originalId, DeliveryState.FAILED,
                reason(status, subject), at));
    }

    private static String originalMessageId(MimeParts parts, List<String> replyToIds) {
        if (parts.originalHeaders != null) {
            String headers = MailText.decode(parts.originalHeaders, null);
            Matcher m = MESSAGE_ID_LINE.matcher(headerBlock(headers));
            if (m.find()) {
                return m.group(1);
            }
        }
        if (parts.plain != null) {
            Matcher m = MESSAGE_ID_LINE.matcher(parts.plain);
            if (m.find()) {
                return m.group(1);
            }
        }
        return replyToIds.isEmpty() ? null : replyToIds.get(0);
    }

    private static String headerBlock(String text) {
        Matcher end = Pattern.compile("\r?\n\r?\n").matcher(text);
        return end.find() ? text.substring(0, end.start()) : text;
    }

    private static String reason(Map<String, String> status, String subject) {
        String code = status.get("status");
        String diagnostic = status.get("diagnostic-code");
        if (diagnostic != null) {
            diagnostic = diagnostic.replaceFirst("(?i)^\\s*(smtp|x-[\\w-]+)\\s*;\\s*", "");
        }
        StringBuilder reason = new StringBuilder();
        if (code != null) {
            reason.append(code.strip());
        }
        if (diagnostic != null && !diagnostic.isBlank()) {
            reason.append(reason.length() > 0 ? " " : "").append(diagnostic.strip());
        }
        if (reason.length() == 0) {
            reason.append(subject == null || subject.isBlank() ? "bounced" : subject.strip());
        }
        return reason.length() > 500 ? reason.substring(0, 500) : reason.toString();
    }

    /** The first value of each field of a delivery-status report, folded lines joined; recipient fields win. */
    static Map<String, String> fields(String report) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (report == null) {
            return fields;
        }
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : (report.replace("\r\n", "\n") + "\n").split("\n")) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                fields.putIfAbsent(name, value.toString().strip());
                name = null;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                value = new StringBuilder(line.substring(colon + 1));
            }
        }
        if (name != null) {
            fields.putIfAbsent(name, value.toString().strip());
        }
        return fields;
    }
}
