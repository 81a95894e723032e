package io.supporthub.hub.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.message.MessageQueries.NewMessage;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;

/**
 * The one way a message to a customer enters the outbox: the message row, its outbox row and, once committed, a
 * wake-up for the dispatcher, all in the caller's transaction. Agent replies, notifications, the bot and the answer
 * about refused files come through here; what the dispatcher then sends it checks again (see {@link MessageBuilder}).
 */
public final class Outbox {

    private final Clock clock;
    private final Runnable wakeDispatcher;

    /** @param wakeDispatcher run after commit so the dispatcher sends at once */
    public Outbox(Clock clock, Runnable wakeDispatcher) {
        this.clock = clock;
        this.wakeDispatcher = wakeDispatcher;
    }

    /** Writes the message and queues it; returns the message's id. */
    public long queue(Handle handle, Outgoing message, AfterCommit afterCommit) {
        Instant now = clock.instant();
        long messageId = new MessageQueries(handle).insert(NewMessage.outgoing(message.ticketId(), message.channel(),
                message.addressId(), message.authorAgentId(), message.text(), message.automated(), buttons(message)), now);
        new OutboxQueries(handle).enqueue(messageId, message.channel(), now);
        afterCommit.add(wakeDispatcher);
        return messageId;
    }

    /**
     * An automated message on the ticket to an address that is no contact's own ({@code recipient}: a company's email
     * or phone), written and queued like any other; returns the message's id.
     */
    public long queueToRecipient(Handle handle, long ticketId, io.supporthub.channels.ChannelKind channel, String recipient,
                                 String text, AfterCommit afterCommit) {
        Instant now = clock.instant();
        MessageQueries messages = new MessageQueries(handle);
        long messageId = messages.insert(new NewMessage(ticketId, "out", "public", channel, null, null, text, null, null,
                io.supporthub.channels.DeliveryState.QUEUED, true, null, null, false, null), now);
        messages.setRecipient(messageId, recipient);
        new OutboxQueries(handle).enqueue(messageId, channel, now);
        afterCommit.add(wakeDispatcher);
        return messageId;
    }

    private static String buttons(Outgoing message) {
        if (message.buttons().isEmpty()) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(message.buttons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the buttons of an outgoing message", e);
        }
    }
}
