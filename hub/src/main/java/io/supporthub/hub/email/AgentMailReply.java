package io.supporthub.hub.email;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.message.MessageQueries.NewMessage;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.ticket.ReplyAddress;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketOps;
import io.supporthub.hub.ticket.TicketQueries;
import io.supporthub.hub.ticket.TicketService;
import io.supporthub.hub.ticket.TicketStatus;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A mail from an active agent's address that names a ticket (its marker, else In-Reply-To / References against our
 * stored Message-IDs) is that agent's public reply: sent on to the customer on the ticket's reply channel exactly as
 * a reply from the hub would be, attachments included, author the agent. When it cannot be sent on (the ticket is
 * closed, the customer has no reachable address) it is kept as the agent's internal note saying why, so nothing is
 * lost. The agent's Message-ID is remembered ({@code mail_agent_reply}) so a re-import never sends it twice. An
 * agent's auto-reply on a ticket is dropped; an agent's mail naming no ticket is an ordinary customer mail.
 */
public final class AgentMailReply {

    private static final Logger log = LoggerFactory.getLogger(AgentMailReply.class);

    private final TicketService tickets;
    private final Clock clock;

    public AgentMailReply(TicketService tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** True when the mail was an agent's (and is now handled); false when it is for the inbox. */
    public boolean accept(Handle handle, InboundMessage mail, AfterCommit afterCommit) {
        Optional<Agent> agent = new AgentQueries(handle).findByEmail(mail.from().value()).filter(Agent::active);
        if (agent.isEmpty()) {
            return false;
        }
        // A From header proves nothing: only a mail answering one of our own mails on the ticket (whose Message-ID no
        // outsider can guess) is sent on to the customer. A mail that merely quotes a ticket number stays internal.
        Optional<Ticket> answered = ticketOfOurMail(handle, mail);
        Optional<Ticket> ticket = answered.isPresent() ? answered : ticketByMarker(handle, mail);
        if (ticket.isEmpty()) {
            return false;
        }
        if (new MessageQueries(handle).findByExternalId(ChannelKind.EMAIL, mail.externalId()).isPresent()) {
            return false;
        }
        if (new AgentMailReplyQueries(handle).seen(mail.externalId())) {
            return true;
        }
        if (mail.automated()) {
            log.info("Automated mail {} from agent {} on ticket #{} dropped", mail.externalId(), agent.get().email(),
                    ticket.get().number());
            return true;
        }
        long messageId = answered.isPresent()
                ? reply(handle, ticket.get(), agent.get(), mail, afterCommit)
                : keepAsNote(handle, ticket.get(), agent.get(), mail, "it does not answer one of our mails, so its sender "
                        + "cannot be trusted", clock.instant());
        new AgentMailReplyQueries(handle).remember(mail.externalId(), messageId, clock.instant());
        return true;
    }

    private long reply(Handle handle, Ticket ticket, Agent agent, InboundMessage mail, AfterCommit afterCommit) {
        Instant now = clock.instant();
        String text = mail.text().isBlank() && !mail.attachments().isEmpty() ? "(attachments)" : mail.text();
        if (ticket.baseStatus() == TicketStatus.CLOSED) {
            return keepAsNote(handle, ticket, agent, mail, "ticket #" + ticket.number() + " is closed", now);
        }
        ChannelKind via = tickets.defaultReplyChannel(handle, ticket);
        ReplyAddress reply = tickets.replyAddress(handle, ticket, via);
        if (!reply.found()) {
            return keepAsNote(handle, ticket, agent, mail, reply.problem(), now);
        }
        long messageId = tickets.sendReply(handle, ticket, via, reply.address(), agent.id(), text, afterCommit);
        AttachmentStore attachments = new AttachmentStore(handle);
        for (Attachment attachment : mail.attachments()) {
            attachments.save(messageId, attachment, now);
        }
        new TicketQueries(handle).addEvent(ticket.id(), "replied", "agent", agent.id(), null, null,
                TicketOps.json(Map.of("channel", via.wireName(), "messageId", messageId, "by", "email")), now);
        log.info("Mail {} from agent {} sent on to the customer of ticket #{} as message {}", mail.externalId(),
                agent.email(), ticket.number(), messageId);
        return messageId;
    }

    private static long keepAsNote(Handle handle, Ticket ticket, Agent agent, InboundMessage mail, String reason, Instant now) {
        log.warn("Mail {} from agent address {} on ticket #{} not sent to the customer ({}); kept as an internal note",
                mail.externalId(), agent.email(), ticket.number(), reason);
        String text = mail.text().isBlank() && !mail.attachments().isEmpty() ? "(attachments)" : mail.text();
        long noteId = new MessageQueries(handle).insert(NewMessage.note(ticket.id(), agent.id(),
                "[Not sent to the customer: " + reason + "]\n\n" + text, mail.html()), now);
        new TicketQueries(handle).touch(ticket.id(), now);
        new TicketQueries(handle).addEvent(ticket.id(), "note", "agent", agent.id(), null, null,
                TicketOps.json(Map.of("messageId", noteId, "by", "email")), now);
        return noteId;
    }

    /** The ticket of one of our outgoing mails that this mail answers (In-Reply-To or References). */
    private static Optional<Ticket> ticketOfOurMail(Handle handle, InboundMessage mail) {
        return new MessageQueries(handle).ticketOfOursAmong(ChannelKind.EMAIL, mail.threadHint().replyToIds())
                .flatMap(new TicketQueries(handle)::lock);
    }

    private static Optional<Ticket> ticketByMarker(Handle handle, InboundMessage mail) {
        Long marker = mail.threadHint().ticketNumber();
        return marker == null ? Optional.empty() : new TicketQueries(handle).lockByNumber(marker);
    }
}
