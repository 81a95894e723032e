package io.supporthub.hub.ticket;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.DisplayText;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Assignees;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.message.MessageQueries.NewMessage;
import io.supporthub.hub.message.MessageQueries;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An agent starts a conversation: a ticket for a contact found or created by email or phone. */
public final class TicketOpener {

    private final Transactions transactions;
    private final TicketOps ops;
    private final TicketService tickets;
    private final PhoneNumbers phones;

    public TicketOpener(Transactions transactions, TicketOps ops, TicketService tickets, PhoneNumbers phones) {
        this.transactions = transactions;
        this.ops = ops;
        this.tickets = tickets;
        this.phones = phones;
    }

    /**
     * An agent opens a ticket for a contact (found or created by email or phone); with a channel, the text goes out as
     * the first message, otherwise it is kept as the ticket's description (an internal note).
     */
    public Ticket open(Agent agent, NewTicketRequest request) {
        if (request.subject() == null || request.subject().isBlank()) {
            throw Refusal.invalid("'subject' is required");
        }
        if (request.text() != null && !request.text().isBlank()) {
            TicketService.requireText(request.text());
        }
        Ticket created = transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
            Assignees.lockActive(handle, agent.id());
            long contactId = contactFor(handle, request);
            ChannelKind origin = request.channel() == null ? ChannelKind.API : request.channel();
            Long typeId = request.type() == null ? null : TicketService.typeId(handle, request.type());
            Long priorityId = request.priority() == null ? null : TicketService.priorityId(handle, request.priority());
            TicketQueries queries = new TicketQueries(handle);
            Ticket ticket = queries.create(new TicketQueries.NewTicket(request.subject().strip(),
                    contactId, origin, typeId, priorityId, null, false, null), ops.now());
            queries.assignTo(ticket.id(), agent.id());
            ops.created(handle, ticket, Actor.AGENT, agent.id(), Map.of("openedBy", agent.name()), afterCommit);
            if (request.text() != null && !request.text().isBlank()) {
                if (request.channel() != null) {
                    AddressRow address = tickets.replyAddress(handle, ticket, request.channel()).orElseRefuse();
                    tickets.sendReply(handle, ticket, request.channel(), address, agent.id(),
                            tickets.renderTyped(handle, ticket.id(), agent.id(), request.text().strip()), afterCommit);
                } else {
                    new MessageQueries(handle).insert(NewMessage.note(ticket.id(), agent.id(), request.text().strip()), ops.now());
                }
            }
            if (request.resolutionDueAt() != null) {
                TicketService.setResolutionDue(handle, queries.lock(ticket.id()).orElseThrow(), request.resolutionDueAt(),
                        agent, afterCommit, ops);
            }
            if (request.status() != null) {
                initialStatus(handle, queries.lock(ticket.id()).orElseThrow(), agent, request, afterCommit);
            }
            return queries.find(ticket.id()).orElseThrow();
        });
        return created;
    }

    /**
     * The status the creator chose, within what the transition table lets an agent do from Open (400 otherwise); a
     * variant of Open is taken as it is, Open itself leaves the ticket as it was created.
     */
    private void initialStatus(Handle handle, Ticket ticket, Agent agent, NewTicketRequest request, AfterCommit afterCommit) {
        TicketOps.StatusTarget target = TicketService.target(handle, request.status(), request.until());
        if (target.status() == TicketStatus.OPEN && target.customStatusId() == null) {
            return;
        }
        if (target.status() != TicketStatus.OPEN && !TransitionPolicy.isAllowed(TicketStatus.OPEN, target.status(), Actor.AGENT)) {
            throw Refusal.invalid("a new ticket cannot start as '" + request.status() + "': from open an agent may choose "
                    + "pending, awaiting_reply, postponed (with 'until') or resolved, or a custom status of those");
        }
        try {
            ops.changeStatus(handle, ticket, target, Actor.AGENT, agent.id(), afterCommit);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    /**
     * What an agent gives to open a ticket. Either {@code contactId} or at least one of name, email, phone. The
     * subject and name are kept as {@link DisplayText} makes them. {@code resolutionDueAt}: a planned resolution time
     * set by hand (null: computed).
     */
    public record NewTicketRequest(String subject, String text, Long contactId, String name, String email, String phone,
                                   ChannelKind channel, String type, String priority, String status, Instant until,
                                   Instant resolutionDueAt) {
        public NewTicketRequest {
            subject = DisplayText.subject(subject);
            name = DisplayText.name(name);
        }
    }

    private long contactFor(Handle handle, NewTicketRequest request) {
        ContactQueries contacts = new ContactQueries(handle);
        if (request.contactId() != null) {
            return contacts.contact(request.contactId()).orElseThrow(() -> Refusal.notFound("no contact " + request.contactId())).id();
        }
        List<Address> addresses = new ArrayList<>();
        if (request.email() != null && !request.email().isBlank()) {
            if (!request.email().contains("@")) {
                throw Refusal.invalid("'" + request.email() + "' is not an email address");
            }
            addresses.add(Address.email(request.email()));
        }
        if (request.phone() != null && !request.phone().isBlank()) {
            try {
                addresses.add(Address.phone(phones.toE164(request.phone())));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(e.getMessage());
            }
        }
        if (addresses.isEmpty() && (request.name() == null || request.name().isBlank())) {
            throw Refusal.invalid("'contact' needs an id, or a name, email or phone");
        }
        Instant now = ops.now();
        Long contactId = addresses.stream().map(contacts::findAddress).flatMap(Optional::stream)
                .map(AddressRow::contactId).findFirst().orElse(null);
        if (contactId == null) {
            contactId = contacts.createContact(request.name(), null, now);
        } else if (request.name() != null) {
            contacts.completeProfile(contactId, request.name(), null);
        }
        for (Address address : addresses) {
            if (contacts.findAddress(address).isEmpty()) {
                contacts.addAddress(contactId, address, now);
            }
        }
        return contactId;
    }

}
