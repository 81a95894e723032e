package io.supporthub.hub.bot;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.message.MessageQueries.NewMessage;
import io.supporthub.hub.message.MessageQueries;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bot's messages, within the caller's transaction. Chatter (commands, presses, menus) is stored with no ticket,
 * on the customer's address; the acknowledgement of a new ticket, the rating prompt and the customer's comment on
 * their rating are stored on their ticket. Outgoing ones go through the {@link io.supporthub.hub.outbox.Outbox}.
 */
final class BotMessages {

    private final Handle handle;

    BotMessages(Handle handle) {
        this.handle = handle;
    }

    /** Whether a message with this provider id is stored: empty when not, true when as bot chatter (no ticket). */
    Optional<Boolean> storedAsChatter(ChannelKind channel, String externalId) {
        if (externalId == null) {
            return Optional.empty();
        }
        return new MessageQueries(handle).findByExternalId(channel, externalId).map(stored -> stored.ticketId() == null);
    }

    /**
     * Records what the customer sent that the bot handled as chatter (a command, a press), so a redelivery is
     * recognised and nothing runs twice.
     */
    long recordHandled(AddressRow address, ChannelKind channel, String externalId, String text,
                       List<Attachment> attachments, Instant now) {
        long id = new MessageQueries(handle).insert(NewMessage.inbound(null, channel, address.id(), text == null ? "" : text,
                null, externalId, false, null), now);
        AttachmentStore files = new AttachmentStore(handle);
        for (Attachment attachment : attachments) {
            files.save(id, attachment, now);
        }
        return id;
    }

    /**
     * Keeps the customer's comment on their rating on the rated ticket, as their message marked as the comment:
     * agents read it in the thread, a redelivery is recognised by its provider id, and it changes nothing else (the
     * ticket stays as it is, nobody waits for an answer). The ticket is the address's latest, as after any message.
     */
    long recordRatingComment(long ticketId, AddressRow address, ChannelKind channel, String externalId, String text,
                             Instant now) {
        long id = new MessageQueries(handle).insert(NewMessage.ratingComment(ticketId, channel, address.id(), text,
                externalId), now);
        if (address.lastTicketId() == null || address.lastTicketId() != ticketId) {
            new ContactQueries(handle).rememberTicket(address.id(), ticketId);
        }
        return id;
    }
}
