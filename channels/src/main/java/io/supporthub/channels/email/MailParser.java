package io.supporthub.channels.email;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.SenderProfile;
import io.supporthub.channels.ThreadHint;
import io.supporthub.channels.UnprocessablePayloadException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw RFC 822 mail into channel events: one {@link InboundMessage}, plus a FAILED
 * {@link io.supporthub.channels.DeliveryUpdate} for the mail of ours a bounce answers. See the README of this package
 * for the field mapping. Thread-safe.
 */
public final class MailParser {

    /** What a mail kept aside is: its RFC 822 source. */
    public static final String CONTENT_TYPE = "message/rfc822";

    private static final byte[] OLE_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final Logger log = LoggerFactory.getLogger(MailParser.class);

    private final long maxAttachmentBytes;
    private final Clock clock;
    private final Session session;
    private final ReplyExtractor replies = new ReplyExtractor();

    public MailParser(long maxAttachmentBytes) {
        this(maxAttachmentBytes, Clock.systemUTC());
    }

    public MailParser(long maxAttachmentBytes, Clock clock) {
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must not be negative");
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.clock = clock;
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        props.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
        props.setProperty("mail.mime.ignoreunknownencoding", "true");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        props.setProperty("mail.mime.multipart.allowempty", "true");
        this.session = Session.getInstance(props);
    }

    /** One mail as the mailbox gave it (or as it was kept aside), with its events or why it can never be processed. */
    public FetchedPayload fetched(RawPayload mail) {
        try {
            return FetchedPayload.parse(mail, raw -> parse(raw.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("parsing a mail in memory reads nothing from outside", e);
        }
    }

    /** A mail's RFC 822 source as fetched, to be parsed and, when it cannot be processed, kept aside as it is. */
    public static RawPayload source(byte[] rfc822) {
        return new RawPayload(CONTENT_TYPE, Map.of(), rfc822);
    }

    public List<ChannelEvent> parse(byte[] raw) throws UnprocessablePayloadException {
        if (raw == null || raw.length == 0) {
            throw new UnprocessablePayloadException("empty mail");
        }
        if (startsWith(raw, OLE_MAGIC)) {
            throw new UnprocessablePayloadException("an Outlook .msg file (OLE compound document), not an RFC 822 mail");
        }
        MimeMessage message;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(raw));
            if (!message.getAllHeaders().hasMoreElements()) {
                throw new UnprocessablePayloadException("no mail headers");
            }
        } catch (MessagingException | RuntimeException e) {
            throw new UnprocessablePayloadException("not an RFC 822 mail: " + e.getMessage(), e);
        }
        MailboxHeader.Mailbox sender = sender(message);
        String email = sender.address();

        String contentType = header(message, "Content-Type");
        MimeParts parts = new MimeParts(maxAttachmentBytes);
        parts.walk(message, 0, false);
        if (parts.tooDeep) {
            log.warn("mail from {} nests deeper than {} multiparts; the deeper parts were ignored", email, MimeParts.MAX_DEPTH);
        }
        String subject = header(message, "Subject");
        List<String> replyToIds = replyToIds(message);
        Instant sentAt = sentAt(message);
        String automated = AutomatedMail.reason(message, email, contentType);

        InboundMessage inbound = new InboundMessage(ChannelKind.EMAIL, Address.email(email),
                SenderProfile.named(sender.name()), externalId(message, raw),
                replyText(parts), fullHtml(parts), subject,
                new ThreadHint(SubjectMarker.ticketNumber(subject), replyToIds), parts.attachments, sentAt, false,
                automated != null, parts.refused, null,
                AuthenticationResults.parse(rawHeader(message, "Authentication-Results")).orElse(null));
        List<ChannelEvent> events = new ArrayList<>();
        events.add(inbound);
        if (BounceReport.isBounce(contentType == null ? "" : contentType, parts, email)) {
            BounceReport.update(parts, subject, replyToIds, sentAt == null ? clock.instant() : sentAt)
                    .ifPresentOrElse(events::add,
                            () -> log.info("bounce {} names no failed mail of ours (or only a delay)", inbound.externalId()));
        }
        return events;
    }

    private String replyText(MimeParts parts) {
        if (parts.plain != null && !parts.plain.isBlank()) {
            String reply = replies.replyFromPlain(parts.plain);
            return reply.isBlank() ? parts.plain.strip() : reply;
        }
        if (parts.html != null) {
            String reply = replies.replyFromHtml(parts.html);
            return reply.isBlank() ? HtmlText.toText(parts.html) : reply;
        }
        return "";
    }

    private static String fullHtml(MimeParts parts) {
        if (parts.html != null) {
            return HtmlSanitizer.sanitize(parts.html);
        }
        return parts.plain == null ? null : HtmlSanitizer.preformatted(parts.plain);
    }

    /**
     * The sender: the one mailbox of From (all From headers together), else of Sender, else of Reply-To. A header
     * naming several mailboxes, or none we can read, is passed over, never guessed from.
     */
    private static MailboxHeader.Mailbox sender(MimeMessage message) throws UnprocessablePayloadException {
        for (String field : new String[] {"From", "Sender", "Reply-To"}) {
            Optional<MailboxHeader.Mailbox> mailbox = MailboxHeader.single(allRawHeaders(message, field));
            if (mailbox.isPresent()) {
                return mailbox.get();
            }
        }
        throw new UnprocessablePayloadException("no sender address: the mail has no From, Sender or Reply-To "
                + "naming exactly one address");
    }

    private static String externalId(MimeMessage message, byte[] raw) {
        String id = MessageIds.first(header(message, "Message-ID"));
        if (id != null && !id.isBlank()) {
            return id;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static List<String> replyToIds(MimeMessage message) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(MessageIds.parse(header(message, "In-Reply-To")));
        ids.addAll(MessageIds.parse(header(message, "References")));
        return List.copyOf(ids);
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            java.util.Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** A header decoded whatever its encoding: 8-bit bytes as UTF-8 when valid (else windows-1252), RFC 2047 words. */
    static String header(MimeMessage message, String name) {
        return MailText.decodeHeader(rawHeader(message, name));
    }

    /** The first such header, unfolded later; 8-bit bytes (read as ISO-8859-1 by Angus Mail) re-decoded. */
    private static String rawHeader(MimeMessage message, String name) {
        String raw;
        try {
            raw = message.getHeader(name, null);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
        if (raw != null && raw.chars().anyMatch(c -> c > 0x7f)) {
            raw = MailText.decode(raw.getBytes(StandardCharsets.ISO_8859_1), null);
        }
        return raw;
    }

    /** Every such header joined by commas, so that two From headers read as two mailboxes. */
    private static String allRawHeaders(MimeMessage message, String name) {
        String[] values;
        try {
            values = message.getHeader(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
        if (values == null) {
            return null;
        }
        String joined = String.join(",", values);
        return joined.chars().anyMatch(c -> c > 0x7f) ? MailText.decode(joined.getBytes(StandardCharsets.ISO_8859_1), null) : joined;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
