package io.supporthub.hub.bot;

import io.supporthub.bot.BotReply;
import io.supporthub.bot.BotTexts;
import io.supporthub.bot.CustomerBot;
import io.supporthub.bot.TicketSummary;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.Contact;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.outbox.Outbox;
import io.supporthub.hub.outbox.Outgoing;
import io.supporthub.hub.ticket.Actor;
import io.supporthub.hub.ticket.ReopenPolicy;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketListener;
import io.supporthub.hub.ticket.TicketOps;
import io.supporthub.hub.ticket.TicketStatus;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * When a ticket that came through a bot channel becomes Resolved, asks its customer on that address to rate it
 * (1-5 stars or "Not solved"). The prompt is stored on the ticket (public, automated, with its buttons) and sent
 * through the outbox. Not for internal-type tickets, nor when the customer closed the request themselves.
 */
public final class RatingPrompter implements TicketListener {

    private static final Logger log = LoggerFactory.getLogger(RatingPrompter.class);

    private final Supplier<TicketOps> ops;
    private final ReopenPolicy reopenPolicy;
    private final BotTexts texts;
    private final Outbox outbox;

    /** @param ops the TicketOps this listener is registered with (built after its listeners, hence a supplier) */
    public RatingPrompter(Supplier<TicketOps> ops, ReopenPolicy reopenPolicy, BotTexts texts, Outbox outbox) {
        this.ops = ops;
        this.reopenPolicy = reopenPolicy;
        this.texts = texts;
        this.outbox = outbox;
    }

    @Override
    public void statusChanged(Handle handle, Ticket before, TicketStatus to, Actor actor, AfterCommit afterCommit) {
        if (to != TicketStatus.RESOLVED || actor == Actor.CUSTOMER_CLOSES || !CustomerBot.handles(before.channelKind())) {
            return;
        }
        JdbiBotBackend backend = new JdbiBotBackend(handle, ops.get(), reopenPolicy, afterCommit);
        Optional<TicketSummary> ticket = backend.ticket(before.contactId(), before.id());
        if (ticket.isEmpty()) {
            return; // internal-type: the customer never sees it
        }
        ChannelKind channel = before.channelKind();
        Optional<AddressRow> address = originAddress(handle, before, channel);
        if (address.isEmpty() || !address.get().reachable()) {
            log.info("No rating prompt for ticket #{}: the customer {} on {}", before.number(),
                    address.isEmpty() ? "has no address" : "cannot be reached (" + address.get().unreachableReason() + ")",
                    channel.wireName());
            return;
        }
        String language = new ContactQueries(handle).contact(before.contactId()).map(Contact::language).orElse(null);
        BotReply prompt = new CustomerBot(backend, texts).ratingPrompt(language, ticket.get());
        outbox.queue(handle, Outgoing.bot(before.id(), channel, address.get().id(), prompt.text(), prompt.buttons()),
                afterCommit);
    }

    /** The address the customer last wrote from on this ticket on its own channel, else their newest one there. */
    private static Optional<AddressRow> originAddress(Handle handle, Ticket ticket, ChannelKind channel) {
        Optional<Long> id = new MessageQueries(handle).lastInboundAddressId(ticket.id(), channel);
        if (id.isEmpty()) {
            id = new ContactQueries(handle).newestAddressId(ticket.contactId(), channel.addressKind());
        }
        return id.flatMap(new ContactQueries(handle)::address);
    }
}
