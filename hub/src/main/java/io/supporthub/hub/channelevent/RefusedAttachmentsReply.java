package io.supporthub.hub.channelevent;

import io.supporthub.channels.InboundMessage;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.inbox.AcceptResult;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.outbox.Outbox;
import io.supporthub.hub.outbox.Outgoing;
import io.supporthub.templates.Languages;
import io.supporthub.templates.TemplateRenderer;
import org.jdbi.v3.core.Handle;

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
    private final Outbox outbox;

    public RefusedAttachmentsReply(TemplateRenderer renderer, long maxAttachmentBytes, Outbox outbox) {
        this.renderer = renderer;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.outbox = outbox;
    }

    public void queue(Handle handle, AcceptResult stored, InboundMessage mail, AfterCommit afterCommit) {
        MessageQueries.Sender sender = new MessageQueries(handle).sender(stored.messageId());
        String text = text(Languages.resolve(sender.language()), stored.ticketNumber(), mail.refusedAttachments());
        outbox.queue(handle, Outgoing.automated(stored.ticketId(), mail.channel(), sender.addressId(), text), afterCommit);
    }

    String text(String language, long ticketNumber, List<String> files) {
        String template = TEXTS.getOrDefault(language, TEXTS.get(Languages.DEFAULT));
        return renderer.renderPlain(template, Map.of(
                "number", ticketNumber,
                "max", maxAttachmentBytes / (1024 * 1024),
                "files", files.stream().map(file -> "- " + file).collect(Collectors.joining("\n"))));
    }
}
