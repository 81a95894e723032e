package io.supporthub.hub.outbox;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendResult;
import io.supporthub.hub.channelhealth.ChannelErrorQueries;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.message.MessagePartQueries;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.outbox.OutboxQueries.Row;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The outbox of messages to customers, as a {@link DeliveryQueue}: each row's message is built by the
 * {@link MessageBuilder} and sent through its channel's sender; the provider's id and state are stored on the message
 * (and each part's id when it went out in several), a failure marks it failed with the reason, an unreachable address
 * is marked so.
 */
public final class CustomerMessages implements DeliveryQueue<Row> {

    private static final Logger log = LoggerFactory.getLogger(CustomerMessages.class);

    private final EnumMap<ChannelKind, OutboundSender> senders;
    private final Clock clock;
    private final MessageBuilder messageBuilder;
    private final LongConsumer onTicketChanged;

    /** @param onTicketChanged told the ticket id after a send changed a message's state (live updates) */
    public CustomerMessages(EnumMap<ChannelKind, OutboundSender> senders, Clock clock, MessageBuilder messageBuilder,
                            LongConsumer onTicketChanged) {
        this.senders = new EnumMap<>(senders);
        this.clock = clock;
        this.messageBuilder = messageBuilder;
        this.onTicketChanged = onTicketChanged;
    }

    @Override
    public Optional<Row> claim(Handle handle, Instant now, Instant leaseEnd) {
        OutboxQueries outbox = new OutboxQueries(handle);
        Optional<Row> row = outbox.claimDue(now);
        row.ifPresent(r -> outbox.lease(r.id(), leaseEnd));
        return row;
    }

    @Override
    public Optional<Prepared> prepare(Handle handle, Row row) {
        ChannelKind channel = ChannelKind.fromWire(row.channel());
        MessageBuilder.Built built = messageBuilder.build(handle, row.messageId());
        if (built.refused()) {
            log.error("Message {} was queued on {}, but {}: it is dropped from the outbox unsent", row.messageId(),
                    channel.wireName(), built.problem());
            new OutboxQueries(handle).delete(row.id());
            return Optional.empty();
        }
        OutboundSender sender = senders.get(channel);
        String problem = sender == null ? "the " + channel.wireName() + " channel is not configured on this hub" : built.problem();
        if (problem != null) {
            log.warn("{} failed: {}", describe(row), problem);
            giveUp(handle, row, problem);
            return Optional.empty();
        }
        return Optional.of(new Prepared(sender, built.message()));
    }

    @Override
    public int attempts(Row row) {
        return row.attempts();
    }

    @Override
    public String describe(Row row) {
        return "Message " + row.messageId() + " on " + row.channel();
    }

    /**
     * Stores the provider's id. The message is out whatever happens next, so a provider id that collides with a stored
     * one (a provider reusing ids) must not abort the transaction: the id is dropped under a savepoint and logged.
     */
    @Override
    public void delivered(Handle handle, Row row, SendResult result) {
        MessageQueries messages = new MessageQueries(handle);
        handle.savepoint("sent");
        try {
            messages.markSent(row.messageId(), result.providerId(), result.state());
            handle.releaseSavepoint("sent");
        } catch (UnableToExecuteStatementException e) {
            handle.rollbackToSavepoint("sent");
            log.warn("Message {} was sent, but its provider id {} is already stored on another message: {}",
                    row.messageId(), result.providerId(), e.getMessage());
            messages.markSent(row.messageId(), null, result.state());
        }
        new OutboxQueries(handle).delete(row.id());
    }

    /** Keeps the parts that went out, each with its provider id: the retry resumes after them (see {@link MessageBuilder}). */
    @Override
    public void partsSent(Handle handle, Row row, List<SentPart> parts) {
        new MessagePartQueries(handle).record(row.messageId(), ChannelKind.fromWire(row.channel()),
                parts.stream().map(part -> new MessagePartQueries.Part(part.part(), part.providerId())).toList(),
                clock.instant());
    }

    @Override
    public void retryLater(Handle handle, Row row, int attempts, Instant next, String error) {
        new OutboxQueries(handle).reschedule(row.id(), attempts, next, error);
        new ChannelErrorQueries(handle).record(ChannelKind.fromWire(row.channel()), row.messageId(), error, clock.instant());
    }

    @Override
    public void giveUp(Handle handle, Row row, String reason) {
        new MessageQueries(handle).markFailed(row.messageId(), reason);
        new OutboxQueries(handle).delete(row.id());
        new ChannelErrorQueries(handle).record(ChannelKind.fromWire(row.channel()), row.messageId(), reason, clock.instant());
    }

    @Override
    public void unreachable(Handle handle, Row row, OutboundMessage message, String reason) {
        ContactQueries contacts = new ContactQueries(handle);
        Optional<AddressRow> address = contacts.findAddress(message.to());
        address.ifPresent(a -> contacts.setReachability(a.id(), reason, clock.instant()));
        giveUp(handle, row, reason);
    }

    @Override
    public void settled(Row row) {
        if (row.ticketId() != null) {
            onTicketChanged.accept(row.ticketId());
        }
    }
}
