package io.supporthub.hub.email;

import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.ThreadHint;
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

    private record Earlier(String externalId, boolean inbound) {
    }

    private record Authored(String agentName, String language) {
    }

    @Override
    public OutboundMessage finish(Handle handle, long messageId, OutboundMessage message) {
        List<Earlier> earlier = handle.createQuery("select external_id, direction = 'in' as inbound from message "
                        + "where ticket_id = (select ticket_id from message where id = :id) and channel = 'email' "
                        + "and external_id is not null and external_id not like 'sha256:%' and id < :id "
                        + "order by id desc limit " + THREAD_IDS)
                .bind("id", messageId)
                .map((rs, ctx) -> new Earlier(rs.getString("external_id"), rs.getBoolean("inbound")))
                .list();
        ThreadHint thread = new ThreadHint(message.ticketNumber(), replyToIds(earlier));
        Authored authored = handle.createQuery("select a.name as agent_name, c.language from message m "
                        + "join ticket t on t.id = m.ticket_id join contact c on c.id = t.contact_id "
                        + "left join agent a on a.id = m.author_agent_id where m.id = :id")
                .bind("id", messageId)
                .map((rs, ctx) -> new Authored(rs.getString("agent_name"), rs.getString("language")))
                .one();
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
    private static List<String> replyToIds(List<Earlier> newestFirst) {
        List<String> ids = new ArrayList<>();
        Earlier answered = newestFirst.stream().filter(Earlier::inbound).findFirst()
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
