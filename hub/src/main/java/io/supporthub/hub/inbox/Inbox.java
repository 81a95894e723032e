package io.supporthub.hub.inbox;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.contact.ContactResolver;
import io.supporthub.hub.contact.DomainMatching;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.message.MessageQueries.NewMessage;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.ticket.Actor;
import io.supporthub.hub.ticket.RegistrationSla;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketOps.StatusTarget;
import io.supporthub.hub.ticket.TicketOps;
import io.supporthub.hub.ticket.TicketQueries;
import io.supporthub.hub.ticket.StatusFlags;
import io.supporthub.hub.ticket.TicketStatus;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a customer's message into the hub in one transaction: dedupe on (channel, external id), find the contact
 * by address, thread it to a ticket (join, reopen, follow up or open a new one), store it with its attachments.
 */
public final class Inbox {

    private final Transactions transactions;
    private final TicketOps ticketOps;
    private final ThreadingPolicy threading;
    private final RegistrationSla sla;

    public Inbox(Transactions transactions, TicketOps ticketOps, ThreadingPolicy threading, RegistrationSla sla) {
        this.transactions = transactions;
        this.ticketOps = ticketOps;
        this.threading = threading;
        this.sla = sla;
    }

    public AcceptResult accept(InboundMessage message) {
        return transactions.inTransactionRetryingConflicts(
                (handle, afterCommit) -> accept(handle, message, Placement.THREAD, afterCommit));
    }

    /**
     * Where a message goes when the customer bot chose: ordinary threading, a new ticket ("New request"), or a ticket
     * the customer picked ("My requests → add to #N").
     */
    public record Placement(Long ticketId, boolean newTicket, Long ticketNumber) {
        public static final Placement THREAD = new Placement(null, false, null);
        public static final Placement NEW = new Placement(null, true, null);

        public Placement(Long ticketId, boolean newTicket) {
            this(ticketId, newTicket, null);
        }

        public static Placement toTicket(long ticketId) {
            return new Placement(ticketId, false, null);
        }

        /**
         * The ticket of this number, which must be the sender's: another's, or none, is refused (422) rather than
         * threaded elsewhere, as the sender named it.
         */
        public static Placement toNumber(long number) {
            return new Placement(null, false, number);
        }
    }

    /** The message placed as its sender asked (the generic channel's {@code newTicket} and {@code ticket}). */
    public AcceptResult accept(InboundMessage message, Placement placement) {
        return transactions.inTransactionRetryingConflicts(
                (handle, afterCommit) -> accept(handle, message, placement, afterCommit));
    }

    /** The message within the caller's transaction. */
    public AcceptResult accept(Handle handle, InboundMessage message, Placement placement, AfterCommit afterCommit) {
        MessageQueries messages = new MessageQueries(handle);
        Instant now = ticketOps.now();
        Optional<MessageQueries.StoredMessage> existing = messages.findByExternalId(message.channel(), message.externalId());
        if (existing.isPresent()) {
            MessageQueries.StoredMessage stored = existing.get();
            Ticket ticket = Optional.ofNullable(stored.ticketId()).flatMap(new TicketQueries(handle)::find).orElseThrow();
            if (message.edit() && messages.edit(message.channel(), message.externalId(), message.text(), message.html(), now)) {
                ticketOps.announce(afterCommit, ticket.id());
                return new AcceptResult(AcceptResult.Outcome.EDITED, ticket.id(), ticket.number(), stored.id());
            }
            return new AcceptResult(AcceptResult.Outcome.DUPLICATE, ticket.id(), ticket.number(), stored.id());
        }
        AddressRow address = new ContactResolver(handle).resolve(message.from(), message.sender(), now);
        if (message.channel() == ChannelKind.EMAIL) {
            // Before any ticket is opened: a new ticket takes its contact's company.
            DomainMatching.match(handle, address.contactId(), message.from().value(), message.senderAuthentication(), now);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        Optional<Ticket> candidate = placement.newTicket() ? Optional.empty() : candidate(handle, message, placement, address, detail);
        ThreadingPolicy.Route route = threading.decide(
                candidate.map(Ticket::baseStatus).orElse(null),
                candidate.map(Ticket::archivedAt).orElse(null),
                message.automated(), now);
        TicketQueries tickets = new TicketQueries(handle);
        Ticket ticket;
        AcceptResult.Outcome outcome;
        switch (route) {
            case JOIN -> {
                ticket = candidate.orElseThrow();
                outcome = AcceptResult.Outcome.JOINED;
                TicketStatus status = ticket.baseStatus();
                // The customer is waiting again: out of any pausing status, also a variant of Open that pauses the SLA.
                if (!message.automated() && status.isOpenType() && (status != TicketStatus.OPEN
                        || ticket.customStatusId() != null
                        && StatusFlags.now(handle, status, ticket.customStatusId()).pausesSla())) {
                    ticketOps.changeStatus(handle, ticket, StatusTarget.of(TicketStatus.OPEN), Actor.CUSTOMER_MESSAGE, null, afterCommit);
                }
            }
            case REOPEN -> {
                ticket = candidate.orElseThrow();
                outcome = AcceptResult.Outcome.REOPENED;
                ticketOps.changeStatus(handle, ticket, StatusTarget.of(TicketStatus.OPEN), Actor.CUSTOMER_MESSAGE, null, afterCommit);
            }
            case FOLLOW_UP -> {
                Ticket previous = candidate.orElseThrow();
                detail.put("followUpOf", previous.number());
                // A message without a subject of its own (any messenger's) carries on under the earlier ticket's.
                String subject = message.subject() != null && !message.subject().isBlank() ? SubjectLine.of(message)
                        : previous.subject();
                ticket = openTicket(handle, message, address, subject, previous.id(), detail, now);
                outcome = AcceptResult.Outcome.FOLLOW_UP;
            }
            default -> {
                ticket = openTicket(handle, message, address, SubjectLine.of(message), null, detail, now);
                outcome = AcceptResult.Outcome.NEW_TICKET;
            }
        }
        long messageId = store(handle, ticket.id(), message, address, now);
        // Every caller (webhooks, pollers, the generic API) gets open pages told, also when the ticket only grew.
        ticketOps.announce(afterCommit, ticket.id());
        boolean registered = outcome == AcceptResult.Outcome.NEW_TICKET || outcome == AcceptResult.Outcome.FOLLOW_UP;
        // A ticket registered by this message was written with it as its last, at this moment: touching the row again
        // would only cost a new version of it and of every index on it.
        if (!registered) {
            if (message.automated()) {
                // An auto-reply or a bounce: nobody is waiting for an answer.
                tickets.touch(ticket.id(), now);
            } else {
                tickets.touchInbound(ticket.id(), now);
            }
        }
        if (address.lastTicketId() == null || address.lastTicketId() != ticket.id()) {
            new ContactQueries(handle).rememberTicket(address.id(), ticket.id());
        }
        if (!message.automated()) {
            ticketOps.customerWrote(handle, ticket, message.text() == null ? "" : message.text(), afterCommit);
        }
        if (registered) {
            // Listeners (notifications) run once the customer's message is stored, so it comes first in the thread.
            ticketOps.created(handle, ticket, Actor.CUSTOMER_MESSAGE, null, detail, afterCommit);
        }
        return new AcceptResult(outcome, ticket.id(), ticket.number(), messageId);
    }

    private Optional<Ticket> candidate(Handle handle, InboundMessage message, Placement placement, AddressRow address,
                                       Map<String, Object> detail) {
        TicketQueries tickets = new TicketQueries(handle);
        if (placement.ticketId() != null) {
            return tickets.lock(placement.ticketId()).filter(t -> t.contactId() == address.contactId());
        }
        if (placement.ticketNumber() != null) {
            Optional<Ticket> named = tickets.lockByNumber(placement.ticketNumber())
                    .filter(t -> t.contactId() == address.contactId());
            if (named.isEmpty()) {
                throw Refusal.unprocessable("ticket #" + placement.ticketNumber() + " is not a ticket of this customer");
            }
            return named;
        }
        Long quoted = message.threadHint().ticketNumber();
        if (quoted != null) {
            Optional<Ticket> ticket = tickets.lockByNumber(quoted);
            if (ticket.isPresent() && ticket.get().contactId() == address.contactId()) {
                return ticket;
            }
            if (ticket.isPresent()) {
                // Nobody joins a stranger's ticket by quoting its number: a new ticket mentions it instead.
                detail.put("mentions", quoted);
                return Optional.empty();
            }
        }
        Optional<Ticket> replied = new MessageQueries(handle)
                .ticketOfAny(message.channel(), message.threadHint().replyToIds())
                .flatMap(tickets::lock)
                .filter(t -> t.contactId() == address.contactId());
        if (replied.isPresent() || message.channel() == ChannelKind.EMAIL) {
            return replied;
        }
        return address.lastTicketId() == null ? Optional.empty() : tickets.lock(address.lastTicketId());
    }

    /**
     * A ticket registered now with the customer's message as its last one (so it needs no touch after) and its SLA
     * (so the SLA needs no update after).
     */
    private Ticket openTicket(Handle handle, InboundMessage message, AddressRow address, String subject, Long followUpOf,
                              Map<String, Object> detail, Instant now) {
        detail.put("channel", message.channel().wireName());
        RegistrationSla.Columns terms = sla.choose(handle, address.contactId(), message.channel(), now).orElse(null);
        return new TicketQueries(handle).create(new TicketQueries.NewTicket(subject,
                address.contactId(), message.channel(), null, null, followUpOf, true, terms), now);
    }

    private static long store(Handle handle, long ticketId, InboundMessage message, AddressRow address, Instant now) {
        String text = message.text();
        if (!message.refusedAttachments().isEmpty()) {
            text = (text.isEmpty() ? "" : text + "\n\n") + "[Not received, too large: " + String.join(", ", message.refusedAttachments()) + "]";
        }
        long messageId = new MessageQueries(handle).insert(NewMessage.inbound(ticketId, message.channel(), address.id(),
                text, message.html(), message.externalId(), message.automated(), message.ourAddress(),
                message.senderAuthentication()), now);
        AttachmentStore attachments = new AttachmentStore(handle);
        for (Attachment attachment : message.attachments()) {
            attachments.save(messageId, attachment, now);
        }
        return messageId;
    }
}
