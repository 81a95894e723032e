package io.supporthub.hub.ticket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.supporthub.channels.SenderAuthentication;
import io.supporthub.hub.message.AttachmentInfo;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.message.Message;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.observer.Observer;
import io.supporthub.hub.observer.ObserverQueries;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ticket with its thread, its timeline and the figures derived from it. In JSON the ticket's own fields sit at
 * the top level beside {@code messages} and {@code timeline}, as CONTRACT.md describes a ticket in detail.
 */
public record TicketDetail(@JsonUnwrapped TicketSummary ticket, List<Observer> observers, List<MessageView> messages,
                           List<TicketEvent> timeline, Long firstResponseSeconds, long resolutionSeconds) {

    /**
     * A message of the thread. {@code senderAuthentication} is what the receiving mail server found checking the
     * sender of an inbound mail (null elsewhere), {@code senderChecksFailed} the checks that failed.
     */
    public record MessageView(long id, String direction, String visibility, String channel, String text, String html,
                              String author, Long authorAgentId, Instant createdAt, String deliveryState,
                              String deliveryError, boolean edited, boolean automated, boolean ratingComment,
                              List<AttachmentInfo> attachments, SenderAuthentication senderAuthentication,
                              List<String> senderChecksFailed) {

        static MessageView of(Message m, List<AttachmentInfo> attachments) {
            SenderAuthentication auth = m.senderAuthentication();
            return new MessageView(m.id(), m.direction(), m.visibility(), m.channel(), m.text(), m.html(),
                    m.authorName(), m.authorAgentId(), m.createdAt(), m.deliveryState(), m.deliveryError(),
                    m.editedAt() != null, m.automated(), m.ratingComment(), attachments, auth,
                    auth == null ? List.of() : auth.failures());
        }
    }

    public static Optional<TicketDetail> load(Handle handle, long ticketId, Instant now) {
        Optional<TicketSummary> summary = new TicketListQueries(handle).at(now).find(ticketId);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        List<Message> messages = new MessageQueries(handle).ofTicket(ticketId);
        Map<Long, List<AttachmentInfo>> files = new AttachmentStore(handle).infoByMessage(messages.stream().map(Message::id).toList());
        List<MessageView> views = messages.stream()
                .map(m -> MessageView.of(m, files.getOrDefault(m.id(), List.of()))).toList();
        List<TicketEvent> timeline = new TicketQueries(handle).events(ticketId);
        TicketSummary ticket = summary.get();
        Long firstResponse = ticket.firstResponseAt() == null ? null
                : firstResponseSeconds(messages, ticket.firstResponseAt());
        long resolution = TicketClock.resolutionTime(statusChanges(ticket, timeline), now).toSeconds();
        return Optional.of(new TicketDetail(ticket, new ObserverQueries(handle).of(ticketId), views, timeline, firstResponse, resolution));
    }

    /** From the customer's first message to the first public agent reply. */
    private static Long firstResponseSeconds(List<Message> messages, Instant firstResponseAt) {
        return messages.stream().filter(m -> "in".equals(m.direction())).findFirst()
                .map(first -> java.time.Duration.between(first.createdAt(), firstResponseAt).toSeconds())
                .orElse(null);
    }

    static List<TicketClock.StatusChange> statusChanges(TicketSummary ticket, List<TicketEvent> timeline) {
        List<TicketClock.StatusChange> changes = new ArrayList<>();
        changes.add(new TicketClock.StatusChange(ticket.createdAt(), TicketStatus.OPEN));
        for (TicketEvent event : timeline) {
            if (event.toStatus() != null && !"created".equals(event.kind())) {
                changes.add(new TicketClock.StatusChange(event.createdAt(), TicketStatus.fromWire(event.toStatus())));
            }
        }
        return changes;
    }
}
