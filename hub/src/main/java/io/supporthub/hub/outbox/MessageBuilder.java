package io.supporthub.hub.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.ThreadHint;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.message.MessagePartQueries;
import io.supporthub.hub.message.MessageQueries.ToSend;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stored outgoing message into what its channel sends: address, text, subject, threading, files, buttons, and
 * the parts of it an earlier attempt delivered.
 */
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

    /**
     * The message to send, or the reason it cannot be sent (the message is then marked failed); {@code refused} when
     * it is not an outgoing public message at all, which is never sent and left as it is. {@code ticketId} is null
     * for bot chatter.
     */
    public record Built(Long ticketId, OutboundMessage message, String problem, boolean refused) {

        static Built ready(Long ticketId, OutboundMessage message) {
            return new Built(ticketId, message, null, false);
        }

        static Built unsendable(Long ticketId, String problem) {
            return new Built(ticketId, null, problem, false);
        }

        static Built refused(Long ticketId, String reason) {
            return new Built(ticketId, null, reason, true);
        }
    }

    private static final TypeReference<List<OutboundMessage.Button>> BUTTONS = new TypeReference<>() { };

    public Built build(Handle handle, long messageId) {
        ToSend row = new MessageQueries(handle).toSend(messageId);
        if (!"out".equals(row.direction()) || !"public".equals(row.visibility())) {
            // The one guard on the sending side: whatever queued it, only an outgoing public message ever leaves.
            return Built.refused(row.ticketId(), "only outgoing public messages are sent; message " + row.id()
                    + " is " + ("public".equals(row.visibility()) ? "an incoming one" : "an internal note"));
        }
        Address to;
        if (row.recipient() != null) {
            // A notification to the contact's company's email or phone (the contact has none of their own).
            to = new Address(ChannelKind.fromWire(row.channel()).addressKind(), row.recipient());
        } else {
            Optional<AddressRow> address = row.addressId() == null ? Optional.empty() : new ContactQueries(handle).address(row.addressId());
            if (address.isEmpty()) {
                return Built.unsendable(row.ticketId(), "the customer has no address on " + row.channel());
            }
            if (!address.get().reachable()) {
                return Built.unsendable(row.ticketId(), "the customer cannot be reached on " + row.channel() + ": "
                        + address.get().unreachableReason());
            }
            to = address.get().address();
        }
        List<String> replyTo = row.ticketId() == null ? List.of()
                : new MessageQueries(handle).earlierExternalIds(row.ticketId(), ChannelKind.fromWire(row.channel()), row.id());
        OutboundMessage message = new OutboundMessage(row.id(), to, row.text(), row.html(),
                row.subject(), row.number(), new ThreadHint(row.number(), replyTo),
                new AttachmentStore(handle).load(row.id()), buttons(row),
                row.ticketId() == null ? null
                        : new MessageQueries(handle).latestOurAddress(row.ticketId(), ChannelKind.fromWire(row.channel())).orElse(null));
        Finisher finisher = finishers.get(ChannelKind.fromWire(row.channel()));
        OutboundMessage finished = finisher == null ? message : finisher.finish(handle, row.id(), message);
        // A retry after a later part failed resumes after the parts already delivered.
        List<String> delivered = new MessagePartQueries(handle).delivered(row.id());
        return Built.ready(row.ticketId(), delivered.isEmpty() ? finished : finished.resumingAfter(delivered));
    }

    private static List<OutboundMessage.Button> buttons(ToSend row) {
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
