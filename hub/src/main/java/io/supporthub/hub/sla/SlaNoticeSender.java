package io.supporthub.hub.sla;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.email.AgentMailOutbox;
import io.supporthub.hub.live.LiveUpdates;
import io.supporthub.templates.notification.RenderedNotification;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Sends SLA notices to employees live in the hub (a toast on whatever page they have open) and, when the email
 * channel is configured, by email through the agents' mail outbox (queued in the notice's transaction, sent after).
 */
public final class SlaNoticeSender implements SlaNoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(SlaNoticeSender.class);

    private final LiveUpdates live;
    private final Optional<AgentMailOutbox> mail;
    private final String publicUrl;

    public SlaNoticeSender(LiveUpdates live, Optional<AgentMailOutbox> mail, String publicUrl) {
        this.live = live;
        this.mail = mail;
        this.publicUrl = publicUrl;
        if (mail.isEmpty()) {
            log.info("SLA warnings and breach notices are shown live in the hub only: the email channel is not configured");
        }
    }

    @Override
    public void deliver(Handle handle, Agent agent, long ticketId, SlaNoticeKind kind, String text,
                        AfterCommit afterCommit) {
        mail.ifPresent(outbox -> {
            String link = publicUrl + "/tickets/" + ticketId;
            outbox.enqueue(handle, agent.id(), ticketId, "sla_" + kind.wireName(), new RenderedNotification(text,
                    text + "\n\n" + link + "\n",
                    "<p>" + escape(text) + "</p><p><a href=\"" + escape(link) + "\">Open the ticket</a></p>"));
            afterCommit.add(outbox::wake);
        });
        afterCommit.add(() -> live.slaNotice(agent.id(), ticketId, kind.wireName(), text));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
