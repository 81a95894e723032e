package io.supporthub.channels.email;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.OutboundMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Builds the MIME message for one outbound mail: our Message-ID, In-Reply-To and References, the subject with the
 * ticket marker, a multipart/alternative of text and HTML, and the attachments.
 *
 * <p>Threading contract: {@code threadHint.replyToIds} lists first the Message-ID of the mail we answer (it becomes
 * In-Reply-To), then the thread's earlier ids; References carries the earlier ids followed by the answered one, so
 * the direct parent comes last as RFC 5322 asks.
 */
final class OutgoingMail {

    private OutgoingMail() {
    }

    static MimeMessage build(Session session, OutboundMessage message, String messageId, InternetAddress from,
                             InternetAddress replyTo, Date now) throws MessagingException {
        MimeMessage mime = new OwnIdMimeMessage(session, messageId);
        mime.setFrom(from);
        if (replyTo != null) {
            mime.setReplyTo(new InternetAddress[] {replyTo});
        }
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to().value()));
        List<String> ids = message.threadHint().replyToIds();
        mime.setSubject(SubjectMarker.outgoing(message.subject(), message.ticketNumber(), !ids.isEmpty()), "UTF-8");
        if (!ids.isEmpty()) {
            mime.setHeader("In-Reply-To", MessageIds.bracketed(ids.get(0)));
            LinkedHashSet<String> references = new LinkedHashSet<>(ids.subList(1, ids.size()));
            references.remove(ids.get(0));
            references.add(ids.get(0));
            mime.setHeader("References", String.join(" ", references.stream().map(MessageIds::bracketed).toList()));
        }
        mime.setSentDate(now);

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html() != null ? message.html() : simpleHtml(message.text()), "UTF-8", "html");
        alternative.addBodyPart(html);
        if (message.attachments().isEmpty()) {
            mime.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Attachment attachment : message.attachments()) {
                mixed.addBodyPart(part(attachment));
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    private static MimeBodyPart part(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        try {
            part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(attachment.fileName(), "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            part.setFileName(attachment.fileName());
        }
        part.setDisposition(attachment.inline() ? MimeBodyPart.INLINE : MimeBodyPart.ATTACHMENT);
        if (attachment.contentId() != null) {
            part.setContentID(MessageIds.bracketed(attachment.contentId()));
        }
        return part;
    }

    /** The plain text as minimal HTML: escaped, line breaks kept. */
    static String simpleHtml(String text) {
        String escaped = Entities.escape(text == null ? "" : text).replace("\r\n", "\n").replace("\n", "<br>\n");
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><div>" + escaped
                + "</div></body></html>";
    }
}
