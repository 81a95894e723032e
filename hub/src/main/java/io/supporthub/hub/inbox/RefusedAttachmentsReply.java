package io.supporthub.hub.inbox;

import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.InboundMessage;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.message.MessageQueries.NewMessage;
import io.supporthub.hub.outbox.Outbox;
import io.supporthub.hub.ticket.AfterCommit;
import io.supporthub.templates.Languages;
import io.supporthub.templates.TemplateRenderer;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One polite automatic answer, on the channel the message came by, to a customer whose message carried attachments
 * over {@code MAX_ATTACHMENT_MB} (or over a provider's own limit, such as the Bot API's 20 MB), naming the files that
 * did not reach us, in the customer's language (English, Russian or French). It is an outgoing public
 * message of the ticket marked automated, queued in the outbox in the import's transaction; it does not count as the
 * team's answer (the ticket still waits for an agent).
 */
public final class RefusedAttachmentsReply {

    static final Map<String, String> TEXTS = Map.of(
            "en", "Hello,\n\nthank you for your message about request #{{number}}. These attachments did not reach us "
                    + "because they are larger than {{max}} MB:\n{{files}}\n\nPlease send them again in a smaller size "
                    + "or share them through a link. The rest of your message has reached us.",
            "ru", "Здравствуйте!\n\nСпасибо за ваше сообщение по обращению №{{number}}. Эти вложения до нас не дошли, "
                    + "так как они больше {{max}} МБ:\n{{files}}\n\nПожалуйста, отправьте их ещё раз в меньшем размере "
                    + "или пришлите ссылку. Остальная часть сообщения до нас дошла.",
            "fr", "Bonjour,\n\nmerci pour votre message concernant la demande n° {{number}}. Ces pièces jointes ne nous "
                    + "sont pas parvenues, car elles dépassent {{max}} Mo :\n{{files}}\n\nMerci de les renvoyer dans une "
                    + "taille plus petite ou de les partager par un lien. Le reste de votre message nous est bien parvenu.");

    private final TemplateRenderer renderer;
    private final long maxAttachmentBytes;
    private final Clock clock;
    private final Runnable wakeOutbox;

    public RefusedAttachmentsReply(TemplateRenderer renderer, long maxAttachmentBytes, Clock clock, Runnable wakeOutbox) {
        this.renderer = renderer;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.clock = clock;
        this.wakeOutbox = wakeOutbox;
    }

    public void queue(Handle handle, AcceptResult stored, InboundMessage mail, AfterCommit afterCommit) {
        Map<String, Object> recipient = handle.createQuery("select m.address_id, c.language from message m "
                        + "join contact_address a on a.id = m.address_id join contact c on c.id = a.contact_id where m.id = :id")
                .bind("id", stored.messageId())
                .mapToMap()
                .one();
        String text = text(Languages.resolve((String) recipient.get("language")), stored.ticketNumber(),
                mail.refusedAttachments());
        Instant now = clock.instant();
        long messageId = new MessageQueries(handle).insert(new NewMessage(stored.ticketId(), "out", "public",
                mail.channel(), ((Number) recipient.get("address_id")).longValue(), null, text, null, null,
                DeliveryState.QUEUED, true), now);
        Outbox.enqueue(handle, messageId, mail.channel(), now);
        afterCommit.add(wakeOutbox);
    }

    String text(String language, long ticketNumber, List<String> files) {
        String template = TEXTS.getOrDefault(language, TEXTS.get(Languages.DEFAULT));
        return renderer.renderPlain(template, Map.of(
                "number", ticketNumber,
                "max", maxAttachmentBytes / (1024 * 1024),
                "files", files.stream().map(file -> "- " + file).collect(Collectors.joining("\n"))));
    }
}
