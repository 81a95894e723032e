package io.supporthub.hub.message;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.SenderAuthentication;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL on messages, within the caller's transaction. */
public final class MessageQueries {

    private final Handle handle;

    public MessageQueries(Handle handle) {
        this.handle = handle;
    }

    /** What a new message row holds. {@code deliveryState} is set for outgoing public messages only. */
    /**
     * A message to store. {@code ticketId} is null for the bot's chatter; {@code ourAddress} is the address of ours an
     * inbound message was written to; {@code buttons} the JSON of an outgoing message's buttons, or null;
     * {@code ratingComment} marks the customer's comment on their rating.
     */
    public record NewMessage(Long ticketId, String direction, String visibility, ChannelKind channel, Long addressId,
                             Long authorAgentId, String text, String html, String externalId,
                             DeliveryState deliveryState, boolean automated, String ourAddress, String buttons,
                             boolean ratingComment, SenderAuthentication senderAuthentication) {

        /** What a customer wrote: on a ticket, or (ticketId null) to the bot. */
        public static NewMessage inbound(Long ticketId, ChannelKind channel, long addressId, String text, String html,
                                         String externalId, boolean automated, String ourAddress) {
            return inbound(ticketId, channel, addressId, text, html, externalId, automated, ourAddress, null);
        }

        /** What a customer wrote, with what the receiving mail server found checking the sender (or null). */
        public static NewMessage inbound(Long ticketId, ChannelKind channel, long addressId, String text, String html,
                                         String externalId, boolean automated, String ourAddress,
                                         SenderAuthentication senderAuthentication) {
            return new NewMessage(ticketId, "in", "public", channel, addressId, null, text, html, externalId, null,
                    automated, ourAddress, null, false, senderAuthentication);
        }

        /** What a customer wrote as the comment of their rating of the ticket. */
        public static NewMessage ratingComment(long ticketId, ChannelKind channel, long addressId, String text,
                                               String externalId) {
            return new NewMessage(ticketId, "in", "public", channel, addressId, null, text, null, externalId, null,
                    false, null, null, true, null);
        }

        /** An agent's internal note: no channel, no address, never sent. */
        public static NewMessage note(long ticketId, long agentId, String text) {
            return note(ticketId, agentId, text, null);
        }

        /** A note kept from an agent's mail, with its sanitised HTML. */
        public static NewMessage note(long ticketId, long agentId, String text, String html) {
            return new NewMessage(ticketId, "out", "internal", null, null, agentId, text, html, null, null, false,
                    null, null, false, null);
        }

        /** A public message to the customer, queued for sending (the outbox writes these). */
        public static NewMessage outgoing(Long ticketId, ChannelKind channel, long addressId, Long authorAgentId,
                                          String text, boolean automated, String buttons) {
            return new NewMessage(ticketId, "out", "public", channel, addressId, authorAgentId, text, null, null,
                    DeliveryState.QUEUED, automated, null, buttons, false, null);
        }
    }

    /** Records where an outgoing message without an address of the contact's goes ({@link ToSend#recipient()}). */
    public void setRecipient(long messageId, String value) {
        handle.createUpdate("insert into message_recipient (message_id, value) values (:id, :value)")
                .bind("id", messageId).bind("value", value).execute();
    }

    public long insert(NewMessage message, Instant now) {
        return handle.createUpdate("insert into message (ticket_id, direction, visibility, channel, address_id, author_agent_id, "
                        + "text, html, external_id, delivery_state, automated, our_address, buttons, rating_comment, sender_auth, "
                        + "created_at) values (:ticketId, :direction, :visibility, :channel, :addressId, :authorAgentId, "
                        + ":text, :html, :externalId, :deliveryState, :automated, :ourAddress, cast(:buttons as jsonb), "
                        + ":ratingComment, cast(:senderAuth as jsonb), :now)")
                .bind("ticketId", message.ticketId())
                .bind("direction", message.direction())
                .bind("visibility", message.visibility())
                .bind("channel", message.channel() == null ? null : message.channel().wireName())
                .bind("addressId", message.addressId())
                .bind("authorAgentId", message.authorAgentId())
                .bind("text", message.text())
                .bind("html", message.html())
                .bind("externalId", message.externalId())
                .bind("deliveryState", message.deliveryState() == null ? null : message.deliveryState().wireName())
                .bind("automated", message.automated())
                .bind("ourAddress", message.ourAddress())
                .bind("buttons", message.buttons())
                .bind("ratingComment", message.ratingComment() ? Boolean.TRUE : null)
                .bind("senderAuth", SenderAuthColumn.write(message.senderAuthentication()))
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** The message a provider id names on a channel. */
    public Optional<StoredMessage> findByExternalId(ChannelKind channel, String externalId) {
        return handle.createQuery("select id, ticket_id from message where channel = :channel and external_id = :externalId")
                .bind("channel", channel.wireName())
                .bind("externalId", externalId)
                .mapTo(StoredMessage.class)
                .findOne();
    }

    /** A stored message and its ticket; {@code ticketId} is null for the bot's chatter. */
    public record StoredMessage(long id, Long ticketId) {
    }

    /** The ticket of the first stored message among the provider ids given (email In-Reply-To, References). */
    public Optional<Long> ticketOfAny(ChannelKind channel, List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Optional.empty();
        }
        return handle.createQuery("select ticket_id from message where channel = :channel and external_id = any(:ids) "
                        + "order by id desc limit 1")
                .bind("channel", channel.wireName())
                .bindArray("ids", String.class, externalIds)
                .mapTo(Long.class)
                .findOne();
    }

    /** Replaces the text of an edited message; false when no such message is stored. */
    public boolean edit(ChannelKind channel, String externalId, String text, String html, Instant now) {
        return handle.createUpdate("update message set text = :text, html = coalesce(:html, html), edited_at = :now "
                        + "where channel = :channel and external_id = :externalId")
                .bind("channel", channel.wireName())
                .bind("externalId", externalId)
                .bind("text", text)
                .bind("html", html)
                .bind("now", now)
                .execute() > 0;
    }

    public List<Message> ofTicket(long ticketId) {
        return handle.createQuery(Message.SELECT + "where m.ticket_id = :ticketId order by m.id")
                .bind("ticketId", ticketId).mapTo(Message.class).list();
    }

    public Optional<Message> find(long id) {
        return handle.createQuery(Message.SELECT + "where m.id = :id").bind("id", id).mapTo(Message.class).findOne();
    }

    /** Whether the customer has written on the ticket before this moment (a first response needs a question). */
    public boolean hasInbound(long ticketId) {
        return handle.createQuery("select exists (select 1 from message where ticket_id = :ticketId and direction = 'in')")
                .bind("ticketId", ticketId).mapTo(Boolean.class).one();
    }

    public void markSent(long messageId, String providerId, DeliveryState state) {
        handle.createUpdate("update message set external_id = coalesce(:providerId, external_id), delivery_state = :state, "
                        + "delivery_error = null where id = :id")
                .bind("id", messageId).bind("providerId", providerId).bind("state", state.wireName()).execute();
    }

    public void markFailed(long messageId, String reason) {
        handle.createUpdate("update message set delivery_state = 'failed', delivery_error = :reason where id = :id")
                .bind("id", messageId).bind("reason", reason).execute();
    }

    /**
     * The id of the message a provider id names on a channel: the message's own provider id, else the id of one of
     * the parts it went out in ({@link MessagePartQueries}).
     */
    private static final String NAMED_BY_PROVIDER_ID = "coalesce("
            + "(select id from message where channel = :channel and external_id = :providerId), "
            + "(select message_id from message_part where channel = :channel and provider_id = :providerId))";

    /** The outgoing message a provider id names: by its own id, or by any part's when it went out in several. */
    public Optional<StoredMessage> findSent(ChannelKind channel, String providerId) {
        return handle.createQuery("select id, ticket_id from message where id = " + NAMED_BY_PROVIDER_ID
                        + " and direction = 'out'")
                .bind("channel", channel.wireName())
                .bind("providerId", providerId)
                .mapTo(StoredMessage.class)
                .findOne();
    }

    /**
     * Applies a provider's delivery news unless it would move the state backwards or out of a final state. The news may
     * name one of the parts a message went out in by that part's id: a part that failed marks the message failed once
     * the whole of it is out (not while it waits to retry its later parts), while a part that arrived says nothing of
     * the whole message, whose own provider id is the one whose news does.
     */
    public boolean applyDelivery(ChannelKind channel, String providerId, DeliveryState next, String reason) {
        Optional<Tracked> current = handle.createQuery("select id, coalesce(delivery_state, 'queued') as state, "
                        + "coalesce(external_id = :providerId, false) as own from message "
                        + "where id = " + NAMED_BY_PROVIDER_ID + " and direction = 'out' for no key update")
                .bind("channel", channel.wireName()).bind("providerId", providerId)
                .map((rs, ctx) -> new Tracked(rs.getLong("id"), DeliveryState.fromWire(rs.getString("state")),
                        rs.getBoolean("own")))
                .findOne();
        if (current.isEmpty() || !current.get().state().canMoveTo(next)) {
            return false;
        }
        if (!current.get().own() && (next != DeliveryState.FAILED || current.get().state() == DeliveryState.QUEUED)) {
            return false;
        }
        handle.createUpdate("update message set delivery_state = :state, delivery_error = :reason where id = :id")
                .bind("id", current.get().id())
                .bind("state", next.wireName()).bind("reason", next == DeliveryState.FAILED ? reason : null)
                .execute();
        return true;
    }

    /** An outgoing message's delivery state, and whether the provider id at hand is its own (not one of a part's). */
    private record Tracked(long id, DeliveryState state, boolean own) {
    }

    /** The address of ours the customer last wrote to on this ticket and channel (replies go out from it), if any. */
    public Optional<String> latestOurAddress(long ticketId, ChannelKind channel) {
        return handle.createQuery("select our_address from message where ticket_id = :ticketId and channel = :channel "
                        + "and direction = 'in' and our_address is not null order by id desc limit 1")
                .bind("ticketId", ticketId)
                .bind("channel", channel.wireName())
                .mapTo(String.class)
                .findOne();
    }

    /** The newest message's id, 0 when there is none (an index look-up). */
    public long lastId() {
        return handle.createQuery("select coalesce(max(id), 0) from message").mapTo(Long.class).one();
    }

    /**
     * The addresses of ours that customers wrote to on the channel in the messages with ids in
     * {@code (afterId, upToId]}: a range scan of the primary key, so that a caller reading on from where it stopped
     * never reads the whole table again.
     */
    public List<String> ourAddressesOfInbound(ChannelKind channel, long afterId, long upToId) {
        return handle.createQuery("select distinct our_address from message where id > :afterId and id <= :upToId "
                        + "and channel = :channel and direction = 'in' and our_address is not null")
                .bind("afterId", afterId)
                .bind("upToId", upToId)
                .bind("channel", channel.wireName())
                .mapTo(String.class)
                .list();
    }

    /** The address an inbound message came from and its contact's language (null when unknown). */
    public record Sender(long addressId, String language) {
    }

    public Sender sender(long messageId) {
        return handle.createQuery("select m.address_id, c.language from message m "
                        + "join contact_address a on a.id = m.address_id join contact c on c.id = a.contact_id where m.id = :id")
                .bind("id", messageId)
                .mapTo(Sender.class)
                .one();
    }

    /** The kind of address the customer last wrote from on the ticket (its wire name), if they wrote at all. */
    public Optional<String> lastInboundAddressKind(long ticketId) {
        return handle.createQuery("select a.kind from message m join contact_address a on a.id = m.address_id "
                        + "where m.ticket_id = :id and m.direction = 'in' order by m.id desc limit 1")
                .bind("id", ticketId)
                .mapTo(String.class)
                .findOne();
    }

    /** The ticket of the newest of our outgoing messages among the provider ids given (what an email answers). */
    public Optional<Long> ticketOfOursAmong(ChannelKind channel, List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Optional.empty();
        }
        return handle.createQuery("select ticket_id from message where channel = :channel and direction = 'out' "
                        + "and ticket_id is not null and external_id = any(:ids) order by id desc limit 1")
                .bind("channel", channel.wireName())
                .bindArray("ids", String.class, externalIds)
                .mapTo(Long.class)
                .findOne();
    }

    /** A provider id on a message's thread, and whether the customer's message had it. */
    public record ThreadId(String externalId, boolean inbound) {
    }

    /**
     * The newest email ids on the message's ticket before it, newest first; ids made up for mails without a
     * Message-ID ({@code sha256:...}) are left out.
     */
    public List<ThreadId> earlierMailIds(long messageId, int limit) {
        return handle.createQuery("select external_id, direction = 'in' as inbound from message "
                        + "where ticket_id = (select ticket_id from message where id = :id) and channel = 'email' "
                        + "and external_id is not null and external_id not like 'sha256:%' and id < :id "
                        + "order by id desc limit " + limit)
                .bind("id", messageId)
                .mapTo(ThreadId.class)
                .list();
    }

    /** Who wrote a message on a ticket (null when no agent did) and the language of the ticket's customer. */
    public record Authored(String agentName, String language) {
    }

    public Authored authored(long messageId) {
        return handle.createQuery("select a.name as agent_name, c.language from message m "
                        + "join ticket t on t.id = m.ticket_id join contact c on c.id = t.contact_id "
                        + "left join agent a on a.id = m.author_agent_id where m.id = :id")
                .bind("id", messageId)
                .mapTo(Authored.class)
                .one();
    }

    /** The address the customer last wrote from on the ticket on this channel, if they wrote there. */
    public Optional<Long> lastInboundAddressId(long ticketId, ChannelKind channel) {
        return handle.createQuery("select m.address_id from message m where m.ticket_id = :ticketId "
                        + "and m.direction = 'in' and m.channel = :channel and m.address_id is not null order by m.id desc limit 1")
                .bind("ticketId", ticketId)
                .bind("channel", channel.wireName())
                .mapTo(Long.class)
                .findOne();
    }

    /**
     * A stored message as the outbox sends it, with its ticket's subject and number; {@code ticketId} and
     * {@code number} are null for the bot's chatter, {@code buttons} is their JSON.
     */
    /** {@code recipient}: where it goes when not to an address of the contact's (a company's email or phone), else null. */
    public record ToSend(long id, Long ticketId, Long addressId, String direction, String visibility, String text,
                         String html, String subject, Long number, String channel, String buttons, String recipient) {
    }

    public ToSend toSend(long messageId) {
        return handle.createQuery("select m.id, m.ticket_id, m.address_id, m.direction, m.visibility, m.text, m.html, "
                        + "t.subject, t.number, m.channel, m.buttons::text as buttons, "
                        + "(select r.value from message_recipient r where r.message_id = m.id) as recipient "
                        + "from message m left join ticket t on t.id = m.ticket_id where m.id = :id")
                .bind("id", messageId)
                .mapTo(ToSend.class)
                .one();
    }

    /** The provider ids of the ten newest messages on the ticket and channel before the message, newest first. */
    public List<String> earlierExternalIds(long ticketId, ChannelKind channel, long beforeMessageId) {
        return handle.createQuery("select external_id from message where ticket_id = :ticketId "
                        + "and channel = :channel and external_id is not null and id < :id order by id desc limit 10")
                .bind("ticketId", ticketId)
                .bind("channel", channel.wireName())
                .bind("id", beforeMessageId)
                .mapTo(String.class)
                .list();
    }
}
