package io.supporthub.hub.email;

import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.ThreadHint;
import io.supporthub.hub.message.MessageQueries.Authored;
import io.supporthub.hub.message.MessageQueries.ThreadId;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.outbox.MessageBuilder;
import io.supporthub.templates.TemplateVariables;
import io.supporthub.templates.notification.Notification;
import io.supporthub.templates.notification.Notifications;
import io.supporthub.templates.notification.RenderedNotification;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;

/**
 * The email channel's last touch on an outgoing mail. Threading: In-Reply-To is the customer's last mail on the
 * ticket, References the thread's earlier ids oldest first (ours included) ending with it, as {@code SmtpSender}
 * reads {@code threadHint.replyToIds} (the answered id first, then the earlier ones). Content: an agent's reply goes
 * out through the templates' AGENT_REPLY wrapper (the reply, the agent's name, the ticket number) as plain text and
 * escaped HTML, in the customer's language; the stored message keeps the agent's own words. Ids the parser made up
 * for mails without a Message-ID ({@code sha256:...}) are not Message-IDs and are left out.
 */
public final class ReplyComposer implements MessageBuilder.Finisher {

    static final int THREAD_IDS = 10;

    private final Notifications notifications;

    public ReplyComposer(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public OutboundMessage finish(Handle handle, long messageId, OutboundMessage message) {
        MessageQueries messages = new MessageQueries(handle);
        ThreadHint thread = new ThreadHint(message.ticketNumber(), replyToIds(messages.earlierMailIds(messageId, THREAD_IDS)));
        Authored authored = messages.authored(messageId);
        String text = message.text();
        String html = message.html();
        if (authored.agentName() != null && html == null) {
            RenderedNotification wrapped = notifications.render(Notification.AGENT_REPLY, authored.language(),
                    TemplateVariables.create()
                            .message(message.text())
                            .agent(authored.agentName())
                            .ticket(message.ticketNumber() == null ? 0 : message.ticketNumber(), message.subject(), null)
                            .asMap());
            text = wrapped.text();
            html = wrapped.html();
        }
        return new OutboundMessage(message.messageId(), message.to(), text, html, message.subject(),
                message.ticketNumber(), thread, message.attachments(), message.buttons(), message.replyFrom());
    }

    /** Newest first in: the customer's last mail, then the others oldest first (the others' order when none is in). */
    private static List<String> replyToIds(List<ThreadId> newestFirst) {
        List<String> ids = new ArrayList<>();
        ThreadId answered = newestFirst.stream().filter(ThreadId::inbound).findFirst()
                .orElse(newestFirst.isEmpty() ? null : newestFirst.get(0));
        if (answered == null) {
            return ids;
        }
        ids.add(answered.externalId());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            if (newestFirst.get(i) != answered) {
                ids.add(newestFirst.get(i).externalId());
            }
        }
        return ids;
    }
}
