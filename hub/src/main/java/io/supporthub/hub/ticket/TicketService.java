package io.supporthub.hub.ticket;

import io.supporthub.channels.AddressKind;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.DisplayText;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.agent.Assignees;
import io.supporthub.hub.channel.ChannelReadiness;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.group.Group;
import io.supporthub.hub.group.GroupQueries;
import io.supporthub.hub.message.MessageQueries.NewMessage;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.observer.Observer;
import io.supporthub.hub.observer.ObserverQueries;
import io.supporthub.hub.outbox.Outbox;
import io.supporthub.hub.outbox.Outgoing;
import io.supporthub.hub.ticket.TicketOps.StatusTarget;
import io.supporthub.hub.ticket.TicketQueries.CustomStatusRef;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What agents do to tickets: reply, note, change status, assign, escalate, open a ticket for a contact. */
public final class TicketService {

    /** The longest reply or note an agent may write, in characters: a book chapter, well past any channel's message. */
    static final int MAX_TEXT = 100_000;

    private final Transactions transactions;
    private final TicketOps ops;
    private final ChannelReadiness readiness;
    private final Outbox outbox;
    private final TypedVariables typedVariables;
    private final AfterResolution afterResolution;
    private final Ownership ownership;

    public TicketService(Transactions transactions, TicketOps ops, ChannelReadiness readiness, Outbox outbox,
                         TypedVariables typedVariables, AfterResolution afterResolution) {
        this.transactions = transactions;
        this.ops = ops;
        this.readiness = readiness;
        this.outbox = outbox;
        this.typedVariables = typedVariables;
        this.afterResolution = afterResolution;
        this.ownership = new Ownership(ops);
    }

    /** When resolved tickets close by themselves and until when the customer's message reopens them. */
    public AfterResolution afterResolution() {
        return afterResolution;
    }

    /** A public reply on the chosen channel (the ticket's own by default), optionally resolving the ticket. */
    public long reply(long ticketId, Agent agent, String text, ChannelKind channel, boolean resolve) {
        return reply(ticketId, agent, text, channel, resolve ? TicketStatus.RESOLVED.wireName() : null);
    }

    /**
     * A public reply, then, with {@code thenStatus} (a base status or a custom status's name; not postponed, which
     * needs a time), the ticket moved there as the agent moves it ("Send and set Awaiting reply"), unless it is there
     * already. One transaction: a move the transition table refuses sends nothing.
     */
    public long reply(long ticketId, Agent agent, String text, ChannelKind channel, String thenStatus) {
        requireText(text);
        return transactions.inTransaction((handle, afterCommit) -> {
            StatusTarget then = thenStatus == null ? null : target(handle, thenStatus, null);
            if (then != null && then.status() == TicketStatus.POSTPONED) {
                throw Refusal.invalid("a reply cannot postpone the ticket, which needs a time: set the status apart");
            }
            Agent taker = Ownership.lockIfUnassigned(handle, ticketId, agent);
            Ticket ticket = lockOpenForAgent(handle, ticketId);
            ChannelKind via = channel == null ? defaultReplyChannel(handle, ticket) : channel;
            AddressRow address = replyAddress(handle, ticket, via).orElseRefuse();
            long messageId = sendReply(handle, ticket, via, address, agent.id(),
                    typedVariables.render(handle, ticketId, agent.id(), text), afterCommit);
            new TicketQueries(handle).addEvent(ticketId, "replied", "agent", agent.id(), null, null,
                    TicketOps.json(Map.of("channel", via.wireName(), "messageId", messageId)), ops.now());
            Ticket current = new TicketQueries(handle).lock(ticketId).orElseThrow();
            ownership.takeIfUnassigned(handle, current, taker, "replied");
            if (then != null && (current.baseStatus() != then.status()
                    || !java.util.Objects.equals(current.customStatusId(), then.customStatusId()))) {
                ops.changeStatus(handle, current, then, Actor.AGENT, agent.id(), afterCommit);
            }
            return messageId;
        });
    }

    /** What an agent typed, with its template variables rendered for the ticket (see {@link TypedVariables}). */
    public String renderTyped(Handle handle, long ticketId, long agentId, String text) {
        return typedVariables.render(handle, ticketId, agentId, text);
    }

    /**
     * An agent's public reply in the caller's transaction: queued in the outbox, the ticket's figures and the
     * address's last ticket updated, open pages told.
     */
    public long sendReply(Handle handle, Ticket ticket, ChannelKind via, AddressRow address, long agentId, String text,
                          AfterCommit afterCommit) {
        long messageId = outbox.queue(handle, Outgoing.reply(ticket.id(), via, address.id(), agentId, text), afterCommit);
        boolean firstResponse = new MessageQueries(handle).hasInbound(ticket.id());
        new TicketQueries(handle).touchOutbound(ticket.id(), ops.now(), firstResponse);
        ops.agentReplied(handle, ticket, agentId, afterCommit);
        new ContactQueries(handle).rememberTicketUnlessBusy(address.id(), ticket.id());
        ops.announce(afterCommit, ticket.id());
        return messageId;
    }

    /**
     * The channel that reaches the address the customer last wrote from on this ticket: a web-form message with only
     * an email is answered by email. Without inbound messages, the ticket's own channel.
     */
    public ChannelKind defaultReplyChannel(Handle handle, Ticket ticket) {
        return new MessageQueries(handle).lastInboundAddressKind(ticket.id())
                .map(kind -> ChannelKind.forAddress(AddressKind.fromWire(kind)))
                .orElse(ticket.channelKind());
    }

    /**
     * The customer's address on a channel: the one last used on this ticket, else the contact's newest one; or why
     * there is none (the channel is off, no such address, the customer cannot be reached there).
     */
    public ReplyAddress replyAddress(Handle handle, Ticket ticket, ChannelKind via) {
        Optional<String> problem = readiness.problem(via);
        if (problem.isPresent()) {
            return ReplyAddress.none(problem.get());
        }
        List<AddressRow> candidates = new ContactQueries(handle).addresses(ticket.contactId()).stream()
                .filter(a -> a.kind().equals(via.addressKind().wireName()))
                .sorted(Comparator.comparing((AddressRow a) -> !Long.valueOf(ticket.id()).equals(a.lastTicketId()))
                        .thenComparing(AddressRow::id, Comparator.reverseOrder()))
                .toList();
        if (candidates.isEmpty()) {
            return ReplyAddress.none("the customer has no " + via.addressKind().wireName()
                    + " address to reach them on " + via.wireName());
        }
        AddressRow address = candidates.get(0);
        if (!address.reachable()) {
            return ReplyAddress.none("the customer cannot be reached on " + via.wireName() + ": "
                    + address.unreachableReason());
        }
        return ReplyAddress.of(address);
    }

    /** Whether the hub has a sender for the channel (it is configured). */
    public boolean canSendOn(ChannelKind channel) {
        return readiness.canSend(channel);
    }

    /** An internal note: never sent to the customer, never in the outbox. */
    public long note(long ticketId, Agent agent, String text) {
        requireText(text);
        return transactions.inTransaction((handle, afterCommit) -> {
            Ticket ticket = new TicketQueries(handle).lock(ticketId).orElseThrow(() -> notFound(ticketId));
            long id = new MessageQueries(handle).insert(NewMessage.note(ticket.id(), agent.id(), text.strip()), ops.now());
            new TicketQueries(handle).touch(ticketId, ops.now());
            new TicketQueries(handle).addEvent(ticketId, "note", "agent", agent.id(), null, null,
                    TicketOps.json(Map.of("messageId", id)), ops.now());
            ops.noteAdded(handle, ticket, agent, text.strip(), afterCommit);
            ops.announce(afterCommit, ticket.id());
            return id;
        });
    }

    /** An agent's status change, to a base state or a custom status (a named variant of one). */
    public void changeStatus(long ticketId, Agent agent, String status, Instant until) {
        transactions.inTransaction((handle, afterCommit) -> {
            StatusTarget target = target(handle, status, until);
            boolean resolving = target.status() == TicketStatus.RESOLVED;
            Agent taker = resolving ? Ownership.lockIfUnassigned(handle, ticketId, agent) : null;
            Ticket ticket = new TicketQueries(handle).lock(ticketId).orElseThrow(() -> notFound(ticketId));
            try {
                ops.changeStatus(handle, ticket, target, Actor.AGENT, agent.id(), afterCommit);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(e.getMessage());
            }
            if (resolving) {
                ownership.takeIfUnassigned(handle, ticket, taker, "resolved");
            }
            return null;
        });
    }

    /**
     * Makes the agent the ticket's assignee, also taking it from another one (the event names who had it). Taking
     * one's own ticket changes nothing: false, and no event.
     */
    public boolean take(long ticketId, Agent agent) {
        return transactions.inTransaction((handle, afterCommit) -> ownership.take(handle, ticketId, agent, afterCommit));
    }

    /** A field's change for the timeline: its value before and after (either may be null, "none"). */
    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    static StatusTarget target(Handle handle, String status, Instant until) {
        try {
            return new StatusTarget(TicketStatus.fromWire(status), null, until);
        } catch (IllegalArgumentException e) {
            Optional<CustomStatusRef> custom = new TicketQueries(handle).customStatusNamed(status);
            if (custom.isEmpty()) {
                throw Refusal.invalid(e.getMessage() + ", or the name of a custom status");
            }
            return new StatusTarget(TicketStatus.fromWire(custom.get().baseState()),
                    custom.get().system() ? null : custom.get().id(), until);
        }
    }

    /** Assignee, group, type, priority, subject and company; only the fields given change. */
    public void update(long ticketId, Agent agent, TicketPatch patch) {
        transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
            // The assignee's lock before the ticket's: the order every assign path and a disable take them in.
            Agent target = patch.assigneeSet() && patch.assigneeId() != null
                    ? Assignees.lockActive(handle, patch.assigneeId()) : null;
            Ticket ticket = new TicketQueries(handle).lock(ticketId).orElseThrow(() -> notFound(ticketId));
            Map<String, Object> changes = new LinkedHashMap<>();
            boolean mayArrive = false;
            // Each change as {from, to}: the timeline names what it was and what it became (older events held only "to").
            TicketQueries queries = new TicketQueries(handle);
            if (patch.groupSet()) {
                String fromGroup = new GroupQueries(handle).ofTicket(ticketId).map(Group::name).orElse(null);
                mayArrive = moveToGroup(handle, ticket, agent, patch.groupId());
                changes.put("group", change(fromGroup,
                        new GroupQueries(handle).ofTicket(ticketId).map(Group::name).orElse(null)));
            }
            if (patch.assigneeSet()) {
                Long assignee = patch.assigneeId();
                Object before = ticket.assigneeId() == null ? null
                        : new AgentQueries(handle).find(ticket.assigneeId()).map(Ownership::agentRef).orElse(null);
                if (assignee != null) {
                    changes.put("assignee", change(before, Ownership.agentRef(target)));
                    if (!assignee.equals(ticket.assigneeId())) {
                        ops.assigned(handle, ticket, target, agent, afterCommit);
                    }
                } else {
                    changes.put("assignee", change(before, null));
                    mayArrive |= ticket.assigneeId() != null;
                }
                queries.setAssignee(ticketId, assignee);
            }
            if (patch.type() != null) {
                long typeId = typeId(handle, patch.type());
                changes.put("type", change(queries.typeName(ticket.typeId()), queries.typeName(typeId)));
                queries.setType(ticketId, typeId);
            }
            if (patch.priority() != null) {
                long priorityId = priorityId(handle, patch.priority());
                changes.put("priority", change(queries.priorityName(ticket.priorityId()), queries.priorityName(priorityId)));
                queries.setPriority(ticketId, priorityId);
            }
            if (patch.subject() != null) {
                String subject = DisplayText.subject(patch.subject());
                if (subject == null) {
                    throw Refusal.invalid("'subject' must not be empty");
                }
                queries.setSubject(ticketId, subject);
                changes.put("subject", change(ticket.subject(), subject));
            }
            if (patch.companySet()) {
                changes.put("company", company(handle, ticketId, patch.companyId()));
            }
            if (changes.isEmpty() && !patch.resolutionDueSet()) {
                throw Refusal.invalid("nothing to change: give group, assignee, type, priority, subject, companyId "
                        + "or resolutionDueAt");
            }
            new TicketQueries(handle).touch(ticket.id(), ops.now());
            if (!changes.isEmpty()) {
                new TicketQueries(handle).addEvent(ticketId, "updated", "agent", agent.id(), null, null,
                        TicketOps.json(changes), ops.now());
                ops.fieldsChanged(handle, ticket, changes.keySet(), afterCommit);
            }
            if (patch.resolutionDueSet()) {
                setResolutionDue(handle, ticket, patch.resolutionDueAt(), agent, afterCommit);
            }
            ops.announce(afterCommit, ticketId);
            if (mayArrive) {
                ops.arrivedIfUnassigned(handle, ticketId, agent.id(), afterCommit);
            }
            return null;
        });
    }

    /**
     * Moves the ticket, unassigned, into the group's queue (null: no group), with a timeline event naming it. A hidden
     * group takes no tickets. True when this may be an arrival in the group's queue: a group other than the one it was
     * in, or the same one with its assignee dropped.
     */
    private boolean moveToGroup(Handle handle, Ticket ticket, Agent agent, Long groupId) {
        long ticketId = ticket.id();
        GroupQueries groups = new GroupQueries(handle);
        Group target = null;
        if (groupId != null) {
            target = groups.find(groupId).orElseThrow(() -> Refusal.unprocessable("no group " + groupId));
            if (target.hidden()) {
                throw Refusal.unprocessable("the group '" + target.name() + "' is hidden and takes no tickets");
            }
        }
        Optional<Group> current = groups.ofTicket(ticketId);
        groups.moveTicket(ticketId, target, null, ops.now());
        Map<String, Object> data = new LinkedHashMap<>();
        if (target != null) {
            data.put("toGroup", Map.of("id", target.id(), "name", target.name()));
        }
        current.ifPresent(g -> data.put("fromGroup", Map.of("id", g.id(), "name", g.name())));
        new TicketQueries(handle).addEvent(ticketId, "moved", "agent", agent.id(), null, null, TicketOps.json(data),
                ops.now());
        return target != null && (current.map(g -> g.id() != groupId).orElse(true) || ticket.assigneeId() != null);
    }

    /**
     * Puts the ticket under the company (null: none); 422 when there is no such company. Returns what the timeline
     * records: the company's id and name, or null.
     */
    private static Map<String, Object> company(Handle handle, long ticketId, Long companyId) {
        TicketQueries queries = new TicketQueries(handle);
        if (companyId == null) {
            queries.setCompany(ticketId, null);
            return null;
        }
        String name = queries.companyName(companyId)
                .orElseThrow(() -> new Refusal(Refusal.Kind.UNPROCESSABLE, "unknown_company", "no company " + companyId));
        queries.setCompany(ticketId, companyId);
        return Map.of("id", companyId, "name", name);
    }

    /**
     * An agent's planned resolution time, kept as set (null: back to the computed time); only while the ticket is
     * open-type, since Resolved and Closed stop the clock.
     */
    static void setResolutionDue(Handle handle, Ticket ticket, Instant dueAt, Agent agent, AfterCommit afterCommit,
                                 TicketOps ops) {
        if (!ticket.baseStatus().isOpenType()) {
            throw Refusal.conflict("ticket #" + ticket.number() + " is " + ticket.status()
                    + ": its resolution clock has stopped, so there is no planned resolution time to set");
        }
        ops.setResolutionDue(handle, ticket, dueAt, agent.id(), afterCommit);
    }

    private void setResolutionDue(Handle handle, Ticket ticket, Instant dueAt, Agent agent, AfterCommit afterCommit) {
        setResolutionDue(handle, ticket, dueAt, agent, afterCommit, ops);
    }

    /**
     * Changes to a ticket's fields; {@code assigneeSet} tells "unassign" (null) from "leave as is", as
     * {@code resolutionDueSet} tells "back to the computed time" (null) from "leave as is".
     */
    public record TicketPatch(boolean assigneeSet, Long assigneeId, String type, String priority, String subject,
                              boolean groupSet, Long groupId, boolean companySet, Long companyId,
                              boolean resolutionDueSet, Instant resolutionDueAt) {

        public TicketPatch(boolean assigneeSet, Long assigneeId, String type, String priority, String subject,
                           boolean groupSet, Long groupId, boolean companySet, Long companyId) {
            this(assigneeSet, assigneeId, type, priority, subject, groupSet, groupId, companySet, companyId, false, null);
        }

        public TicketPatch(boolean assigneeSet, Long assigneeId, String type, String priority, String subject) {
            this(assigneeSet, assigneeId, type, priority, subject, false, null, false, null);
        }

        public TicketPatch(boolean assigneeSet, Long assigneeId, String type, String priority, String subject,
                           boolean groupSet, Long groupId) {
            this(assigneeSet, assigneeId, type, priority, subject, groupSet, groupId, false, null);
        }
    }

    /** The longest escalation reason, in characters (the page's field takes as many). */
    static final int MAX_REASON = 1000;

    /**
     * Line 2: moves the ticket to the escalation group, remembering the group it came from, unassigned there; a reason
     * is required, and the escalating agent becomes an observer. Line 1: "send back", to that group and to the agent
     * who escalated it when they are still active (else unassigned in the group). Either way with an internal note and
     * a timeline event naming the groups.
     */
    public void escalate(long ticketId, Agent agent, int line, String reason) {
        if (line != 1 && line != 2) {
            throw Refusal.invalid("'line' must be 1 or 2");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (line == 2 && why == null) {
            throw Refusal.invalid("'reason' is required to escalate: say why the ticket goes up, for the next group");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw Refusal.invalid("'reason' has " + why.length() + " characters; at most " + MAX_REASON + " are taken");
        }
        transactions.inTransaction((handle, afterCommit) -> {
            // Send back: the one who escalated it, their lock before the ticket's (see Assignees).
            Long escalatorId = line == 1 ? new TicketQueries(handle).latestActorOf(ticketId, "escalated").orElse(null) : null;
            Agent escalator = escalatorId == null ? null : Assignees.lock(handle, escalatorId);
            Ticket ticket = lockOpenForAgent(handle, ticketId);
            GroupQueries groups = new GroupQueries(handle);
            Optional<Group> current = groups.ofTicket(ticketId);
            Group target;
            Long from;
            if (line == 2) {
                target = groups.escalationTarget()
                        .orElseThrow(() -> Refusal.conflict("no group is the escalation target; an admin chooses one"));
                if (current.map(Group::id).orElse(-1L) == target.id()) {
                    throw Refusal.conflict("the ticket is already in " + target.name() + ", the escalation group");
                }
                from = current.map(Group::id).orElse(null);
            } else {
                if (current.map(g -> !g.escalationTarget()).orElse(true)) {
                    throw Refusal.conflict("the ticket is not in the escalation group, so there is nothing to send back");
                }
                target = groups.escalatedFrom(ticketId).or(() -> groups.all().stream()
                                .filter(g -> !g.escalationTarget() && !g.hidden()).findFirst())
                        .orElseThrow(() -> Refusal.conflict("there is no group to send the ticket back to"));
                from = null;
            }
            groups.moveTicket(ticketId, target, from, ops.now());
            String verb = (line == 2 ? "Escalated to " : "Sent back to ") + target.name();
            String noteText = why == null ? verb + "." : verb + ": " + why;
            long noteId = new MessageQueries(handle).insert(NewMessage.note(ticketId, agent.id(), noteText), ops.now());
            ops.announce(afterCommit, ticketId);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("line", line);
            data.put("noteId", noteId);
            data.put("toGroup", Map.of("id", target.id(), "name", target.name()));
            current.ifPresent(g -> data.put("fromGroup", Map.of("id", g.id(), "name", g.name())));
            if (why != null) {
                data.put("reason", why);
            }
            if (ticket.assigneeId() != null) {
                new AgentQueries(handle).find(ticket.assigneeId())
                        .ifPresent(a -> data.put("fromAssignee", Ownership.agentRef(a)));
            }
            if (escalator != null) {
                // The event names them either way; the ticket goes back to them only if they are still active.
                data.put(escalator.active() ? "assignee" : "escalatedBy", Ownership.agentRef(escalator));
                if (escalator.active()) {
                    new TicketQueries(handle).setAssignee(ticketId, escalator.id());
                }
            }
            new TicketQueries(handle).addEvent(ticketId, line == 2 ? "escalated" : "sent_back", "agent", agent.id(),
                    null, null, TicketOps.json(data), ops.now());
            if (line == 2) {
                Observer self = new Observer(Observer.AGENT, agent.id(), agent.name());
                if (new ObserverQueries(handle).add(ticketId, self, agent.id(), ops.now())) {
                    ObserverService.event(handle, ops, ticketId, self, agent, true);
                }
            }
            if (escalator != null && escalator.active()) {
                Ticket moved = new TicketQueries(handle).find(ticketId).orElseThrow();
                ops.assigned(handle, moved, escalator, agent, afterCommit);
            } else {
                ops.arrivedIfUnassigned(handle, ticketId, agent.id(), afterCommit);
            }
            return null;
        });
    }

    static Ticket lockOpenForAgent(Handle handle, long ticketId) {
        Ticket ticket = new TicketQueries(handle).lock(ticketId).orElseThrow(() -> notFound(ticketId));
        if (ticket.baseStatus() == TicketStatus.CLOSED) {
            throw Refusal.conflict("ticket #" + ticket.number() + " is closed, which is final for agents; "
                    + "it reopens when the customer writes within the reopen window");
        }
        return ticket;
    }

    static long typeId(Handle handle, String name) {
        return new TicketQueries(handle).typeId(name).orElseThrow(() -> unknown("type", name));
    }

    static long priorityId(Handle handle, String name) {
        return new TicketQueries(handle).priorityId(name).orElseThrow(() -> unknown("priority", name));
    }

    private static Refusal unknown(String what, String name) {
        return Refusal.unprocessable("unknown " + what + " '" + name + "'");
    }

    /** A reply's or note's text: not empty, and short enough for any channel to carry and any page to show. */
    static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("'text' must not be empty");
        }
        if (text.length() > MAX_TEXT) {
            throw Refusal.invalid("'text' has " + text.length() + " characters; at most " + MAX_TEXT + " are taken");
        }
    }

    static Refusal notFound(long ticketId) {
        return Refusal.notFound("no ticket " + ticketId);
    }
}
