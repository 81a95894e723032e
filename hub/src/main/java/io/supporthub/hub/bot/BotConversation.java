package io.supporthub.hub.bot;

import io.supporthub.bot.BotContext;
import io.supporthub.bot.BotOutcome;
import io.supporthub.bot.BotReply;
import io.supporthub.bot.BotState;
import io.supporthub.bot.BotTexts;
import io.supporthub.bot.BotWaitPolicy;
import io.supporthub.bot.CustomerBot;
import io.supporthub.bot.Routing;
import io.supporthub.bot.TicketSummary;
import io.supporthub.channels.ButtonPress;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.ConversationStarted;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.Contact;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.contact.ContactResolver;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.inbox.AcceptResult;
import io.supporthub.hub.inbox.Inbox.Placement;
import io.supporthub.hub.inbox.Inbox;
import io.supporthub.hub.outbox.Outbox;
import io.supporthub.hub.outbox.Outgoing;
import io.supporthub.hub.ticket.ReopenPolicy;
import io.supporthub.hub.ticket.TicketOps;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The customer bot inside the inbound transaction, for channels where {@link CustomerBot#handles} (Telegram, Viber):
 * resolve the address, load its bot state (idle once its wait is over, see {@link BotWaitPolicy}), let the bot
 * decide, store the new state, queue the bot's replies to the address, then route the customer's message (kept as
 * chatter, kept on its ticket as a rating comment, threaded, a new ticket, or a chosen ticket).
 * Channel-neutral: a channel plugs in by turning its payloads into {@link InboundMessage}, {@link ButtonPress} and
 * {@link ConversationStarted} events for the ChannelEventHandler.
 */
public final class BotConversation {

    private static final Logger log = LoggerFactory.getLogger(BotConversation.class);

    private final Inbox inbox;
    private final TicketOps ops;
    private final ReopenPolicy reopenPolicy;
    private final BotTexts texts;
    private final BotWaitPolicy waits;
    private final Outbox outbox;

    public BotConversation(Inbox inbox, TicketOps ops, ReopenPolicy reopenPolicy, BotTexts texts, BotWaitPolicy waits,
                           Outbox outbox) {
        this.inbox = inbox;
        this.ops = ops;
        this.reopenPolicy = reopenPolicy;
        this.texts = texts;
        this.waits = waits;
        this.outbox = outbox;
    }

    /** Whether the bot stands in front of the inbox on this channel. */
    public boolean handles(ChannelKind channel) {
        return CustomerBot.handles(channel);
    }

    /**
     * A customer's message. Returns what the inbox did when the message went to a ticket, empty when the bot kept it
     * (a command, a rating comment) or when it is a redelivery of chatter the bot already handled.
     */
    public Optional<AcceptResult> message(Handle handle, InboundMessage message, AfterCommit afterCommit) {
        BotMessages messages = new BotMessages(handle);
        Optional<Boolean> chatter = messages.storedAsChatter(message.channel(), message.externalId());
        if (chatter.isPresent()) {
            if (chatter.get()) {
                log.debug("{} message {} was already handled by the bot; redelivery ignored",
                        message.channel().wireName(), message.externalId());
                return Optional.empty();
            }
            return Optional.of(inbox.accept(handle, message, Placement.THREAD, afterCommit));
        }
        Instant now = ops.now();
        AddressRow address = new ContactResolver(handle).resolve(message.from(), message.sender(), now);
        BotContext ctx = context(handle, address, message.channel(), message.sender());
        CustomerBot bot = bot(handle, afterCommit);
        boolean withFiles = !message.attachments().isEmpty() || !message.refusedAttachments().isEmpty();
        BotOutcome outcome = bot.onMessage(ctx, message.text(), withFiles);
        new BotStateQueries(handle).save(address.id(), outcome.newState(), now);
        Routing routing = outcome.routing();
        AcceptResult result = switch (routing.kind()) {
            case HANDLED -> {
                if (outcome.ratingCommentOf() != null) {
                    messages.recordRatingComment(outcome.ratingCommentOf(), address, message.channel(),
                            message.externalId(), message.text(), now);
                } else {
                    messages.recordHandled(address, message.channel(), message.externalId(), message.text(),
                            message.attachments(), now);
                }
                yield null;
            }
            case THREAD -> inbox.accept(handle, message, Placement.THREAD, afterCommit);
            case NEW_TICKET -> inbox.accept(handle, message, Placement.NEW, afterCommit);
            case TO_TICKET -> inbox.accept(handle, message, Placement.toTicket(routing.ticketId()), afterCommit);
        };
        queue(handle, null, address, message.channel(), outcome.replies(), afterCommit);
        if (result != null && result.outcome() == AcceptResult.Outcome.NEW_TICKET && routing.kind() == Routing.Kind.NEW_TICKET) {
            TicketSummary ticket = new JdbiBotBackend(handle, ops, reopenPolicy, afterCommit)
                    .ticket(address.contactId(), result.ticketId()).orElseThrow();
            queue(handle, result.ticketId(), address, message.channel(),
                    List.of(bot.ticketOpened(ctx.language(), ticket)), afterCommit);
        }
        return Optional.ofNullable(result);
    }

    /** A press on one of our buttons (a Telegram callback query): always the bot's; a redelivered press is ignored. */
    public void buttonPress(Handle handle, ButtonPress press, AfterCommit afterCommit) {
        BotMessages messages = new BotMessages(handle);
        if (messages.storedAsChatter(press.channel(), press.externalId()).isPresent()) {
            log.debug("{} button press {} was already handled; redelivery ignored", press.channel().wireName(), press.externalId());
            return;
        }
        Instant now = ops.now();
        AddressRow address = new ContactResolver(handle).resolve(press.from(), sender(press.sender()), now);
        BotContext ctx = context(handle, address, press.channel(), press.sender());
        BotOutcome outcome = bot(handle, afterCommit).onButton(ctx, press.data());
        new BotStateQueries(handle).save(address.id(), outcome.newState(), now);
        messages.recordHandled(address, press.channel(), press.externalId(), press.data(), List.of(), now);
        queue(handle, null, address, press.channel(), outcome.replies(), afterCommit);
    }

    /**
     * The customer opened the chat (Viber conversation_started): the contact is stored (Viber tells its name and
     * language only here), the bot's state reset, and the greeting with the menu returned for the webhook's answer.
     * It is not queued: Viber lets a bot greet a customer who has not subscribed only in that answer.
     */
    public BotReply conversationStarted(Handle handle, ConversationStarted started, AfterCommit afterCommit) {
        Instant now = ops.now();
        AddressRow address = new ContactResolver(handle).resolve(started.from(), sender(started.sender()), now);
        BotContext ctx = context(handle, address, started.channel(), started.sender());
        BotOutcome outcome = bot(handle, afterCommit).onConversationStarted(ctx);
        new BotStateQueries(handle).save(address.id(), outcome.newState(), now);
        return outcome.replies().get(0);
    }

    private CustomerBot bot(Handle handle, AfterCommit afterCommit) {
        return new CustomerBot(new JdbiBotBackend(handle, ops, reopenPolicy, afterCommit), texts);
    }

    private BotContext context(Handle handle, AddressRow address, ChannelKind channel, SenderProfile sender) {
        String language = sender != null && sender.language() != null ? sender.language()
                : new ContactQueries(handle).contact(address.contactId()).map(Contact::language).orElse(null);
        BotStateQueries.Stored stored = new BotStateQueries(handle).load(address.id());
        BotState state = waits.current(stored.state(), stored.since());
        if (!state.equals(stored.state())) {
            log.debug("The bot's wait '{}' on {} since {} is over (after {}); the customer's message is an ordinary one",
                    stored.state().encode(), address.address(), stored.since(), waits.waitWindow());
        }
        return new BotContext(address.contactId(), channel, language, state);
    }

    private void queue(Handle handle, Long ticketId, AddressRow address, ChannelKind channel, List<BotReply> replies,
                       AfterCommit afterCommit) {
        if (replies.isEmpty()) {
            return;
        }
        if (!address.reachable()) {
            log.info("Bot replies to {} not queued: {}", address.address(), address.unreachableReason());
            return;
        }
        for (BotReply reply : replies) {
            outbox.queue(handle, Outgoing.bot(ticketId, channel, address.id(), reply.text(), reply.buttons()), afterCommit);
        }
    }

    private static SenderProfile sender(SenderProfile sender) {
        return sender == null ? SenderProfile.named(null) : sender;
    }
}
