package io.supporthub.hub.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.supporthub.bot.BotReply;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.DeliveryState;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.message.AttachmentStore;
import io.supporthub.hub.outbox.Outbox;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bot's messages, within the caller's transaction. Chatter (commands, presses, menus) is stored with no ticket,
 * on the customer's address; the acknowledgement of a new ticket and the rating prompt are stored on their ticket.
 * Outgoing ones are public, automated, queued in the outbox, and carry their buttons.
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
        return handle.createQuery("select ticket_id is null from message where channel = :channel and external_id = :externalId")
                .bind("channel", channel.wireName())
                .bind("externalId", externalId)
                .mapTo(Boolean.class)
                .findOne();
    }

    /**
     * Records what the customer sent that the bot handled (a command, a press, a rating comment), so a redelivery
     * is recognised and nothing runs twice.
     */
    long recordHandled(AddressRow address, ChannelKind channel, String externalId, String text,
                       List<Attachment> attachments, Instant now) {
        long id = handle.createUpdate("insert into message (ticket_id, direction, visibility, channel, address_id, text, "
                        + "external_id, automated, created_at) values (null, 'in', 'public', :channel, :addressId, :text, "
                        + ":externalId, false, :now)")
                .bind("channel", channel.wireName())
                .bind("addressId", address.id())
                .bind("text", text == null ? "" : text)
                .bind("externalId", externalId)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        AttachmentStore files = new AttachmentStore(handle);
        for (Attachment attachment : attachments) {
            files.save(id, attachment, now);
        }
        return id;
    }

    /** Writes one outgoing bot message and its outbox row; {@code ticketId} null for chatter. */
    long queue(Long ticketId, AddressRow address, ChannelKind channel, BotReply reply, Instant now) {
        long id = handle.createUpdate("insert into message (ticket_id, direction, visibility, channel, address_id, text, "
                        + "delivery_state, automated, buttons, created_at) values (:ticketId, 'out', 'public', :channel, "
                        + ":addressId, :text, :state, true, cast(:buttons as jsonb), :now)")
                .bind("ticketId", ticketId)
                .bind("channel", channel.wireName())
                .bind("addressId", address.id())
                .bind("text", reply.text())
                .bind("state", DeliveryState.QUEUED.wireName())
                .bind("buttons", reply.buttons().isEmpty() ? null : json(reply))
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        Outbox.enqueue(handle, id, channel, now);
        return id;
    }

    private static String json(BotReply reply) {
        try {
            return Json.MAPPER.writeValueAsString(reply.buttons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the buttons of a bot reply", e);
        }
    }
}
