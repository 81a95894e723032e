package io.supporthub.hub.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.ThreadHint;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.sms.OurAddress;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a stored outgoing message into what its channel sends: address, text, subject, threading, files, buttons. */
public final class MessageBuilder {

    /**
     * A channel's last touch on a message before it is sent (email: threading order, the reply template), within the
     * dispatcher's transaction.
     */
    @FunctionalInterface
    public interface Finisher {
        OutboundMessage finish(Handle handle, long messageId, OutboundMessage message);
    }

    private final Map<ChannelKind, Finisher> finishers;

    public MessageBuilder() {
        this(Map.of());
    }

    public MessageBuilder(Map<ChannelKind, Finisher> finishers) {
        this.finishers = Map.copyOf(finishers);
    }

    /** The message to send, or the reason it cannot be sent; {@code ticketId} is null for bot chatter. */
    public record Built(Long ticketId, OutboundMessage message, String problem) {
    }

    private record Row(long id, Long ticketId, Long addressId, String text, String html, String subject, Long number,
                       String channel, String buttons) {
    }

    private static final TypeReference<List<OutboundMessage.Button>> BUTTONS = new TypeReference<>() { };

    public Built build(Handle handle, long messageId) {
        Row row = handle.createQuery("select m.id, m.ticket_id, m.address_id, m.text, m.html, t.subject, t.number, m.channel, "
                        + "m.buttons::text as buttons from message m left join ticket t on t.id = m.ticket_id where m.id = :id")
                .bind("id", messageId)
                .map((rs, ctx) -> new Row(rs.getLong("id"), (Long) rs.getObject("ticket_id"), (Long) rs.getObject("address_id"),
                        rs.getString("text"), rs.getString("html"), rs.getString("subject"), (Long) rs.getObject("number"),
                        rs.getString("channel"), rs.getString("buttons")))
                .one();
        Optional<AddressRow> address = row.addressId() == null ? Optional.empty() : new ContactQueries(handle).address(row.addressId());
        if (address.isEmpty()) {
            return new Built(row.ticketId(), null, "the customer has no address on " + row.channel());
        }
        if (!address.get().reachable()) {
            return new Built(row.ticketId(), null, "the customer cannot be reached on " + row.channel() + ": "
                    + address.get().unreachableReason());
        }
        List<String> replyTo = row.ticketId() == null ? List.of() : handle.createQuery("select external_id from message where ticket_id = :ticketId "
                        + "and channel = :channel and external_id is not null and id < :id order by id desc limit 10")
                .bind("ticketId", row.ticketId())
                .bind("channel", row.channel())
                .bind("id", row.id())
                .mapTo(String.class)
                .list();
        OutboundMessage message = new OutboundMessage(row.id(), address.get().address(), row.text(), row.html(),
                row.subject(), row.number(), new ThreadHint(row.number(), replyTo),
                new AttachmentStore(handle).load(row.id()), buttons(row),
                row.ticketId() == null ? null : OurAddress.latest(handle, row.ticketId(), row.channel()).orElse(null));
        Finisher finisher = finishers.get(ChannelKind.fromWire(row.channel()));
        return new Built(row.ticketId(), finisher == null ? message : finisher.finish(handle, row.id(), message), null);
    }

    private static List<OutboundMessage.Button> buttons(Row row) {
        if (row.buttons() == null) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(row.buttons(), BUTTONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message " + row.id() + " has unreadable buttons: " + e.getOriginalMessage(), e);
        }
    }
}
