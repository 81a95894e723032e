package io.supporthub.hub.channelevent;

import io.supporthub.bot.BotReply;
import io.supporthub.channels.ButtonPress;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ConversationStarted;
import io.supporthub.channels.DeliveryUpdate;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.ReachabilityChange;
import io.supporthub.hub.bot.BotConversation;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.db.Failures;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.inbox.AcceptResult;
import io.supporthub.hub.inbox.Inbox;
import io.supporthub.hub.inbox.KeptAside;
import io.supporthub.hub.message.MessageQueries;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Takes what a channel's inbound side reported (a webhook's events or a fetched payload's) in one transaction:
 * messages through the {@link Inbox}, delivery news onto our messages (never moving a final state back),
 * reachability onto addresses; payloads that can never be processed are kept aside as received ({@link KeptAside}).
 * Webhook routes ({@link WebhookRoute}) answer 2xx once their events are handled; pollers ({@link FetchedPath})
 * acknowledge their source only then.
 */
public final class ChannelEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ChannelEventHandler.class);

    private final Transactions transactions;
    private final Inbox inbox;
    private final Clock clock;
    private final LongConsumer onTicketChanged;
    private final BotConversation bot;
    private final RefusedAttachmentsReply refusedReply;
    private final Map<String, Replayable> replayables = new ConcurrentHashMap<>();



    /**
     * @param bot          the customer bot in front of the inbox on the channels it handles (messages, button presses,
     *                     conversation starts), or null for none
     * @param refusedReply answers a customer whose files were too large, or null for no answer
     */
    public ChannelEventHandler(Transactions transactions, Inbox inbox, Clock clock, LongConsumer onTicketChanged,
                               BotConversation bot, RefusedAttachmentsReply refusedReply) {
        this.refusedReply = refusedReply;
        this.transactions = transactions;
        this.inbox = inbox;
        this.clock = clock;
        this.onTicketChanged = onTicketChanged;
        this.bot = bot;
    }

    /**
     * What came of a batch: what the inbox did with each message that went to a ticket (messages the bot kept are not
     * listed), and the bot's greetings for conversation starts, which the webhook answers with (Viber).
     */
    public record Handled(List<AcceptResult> accepted, List<BotReply> greetings) {
    }

    /**
     * Handles events built in our own code (a benchmark, a test), which have no raw form to keep aside; returns what
     * the inbox did with each message among them. Any failure is thrown.
     */
    public List<AcceptResult> handle(List<? extends ChannelEvent> events) {
        return handleOrThrow(events).accepted();
    }

    /**
     * Handles the events together; see {@link Handled}. If they cannot be stored for a reason that is not passing (bad
     * data, or a bug of ours), the request they came from is kept aside as received, with the failure logged as an
     * error, so that a fix and a retry recover it; a passing failure is thrown for the provider to redeliver.
     */
    public Handled handleAll(List<? extends ChannelEvent> events, KeptAside.Origin origin) {
        try {
            return handleOrThrow(events);
        } catch (RuntimeException e) {
            if (Failures.isPassing(e)) {
                throw e;
            }
            log.error("{} payload could not be stored; kept aside for a retry once fixed", origin.channel().wireName(), e);
            keepAside(origin, "could not be stored: " + Failures.reason(e));
            return new Handled(List.of(), List.of());
        }
    }

    /** Handles the events together in one transaction, throwing whatever failure stopped it. */
    public Handled handleOrThrow(List<? extends ChannelEvent> events) {
        if (events.isEmpty()) {
            return new Handled(List.of(), List.of());
        }
        List<Long> changed = new ArrayList<>();
        List<BotReply> greetings = new ArrayList<>();
        List<AcceptResult> results = transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
            changed.clear();
            greetings.clear();
            List<AcceptResult> accepted = new ArrayList<>();
            for (ChannelEvent event : events) {
                handleOne(handle, event, afterCommit, accepted, changed, greetings);
            }
            return accepted;
        });
        changed.forEach(onTicketChanged::accept);
        return new Handled(results, List.copyOf(greetings));
    }

    /** Registers the path that takes payloads kept aside from {@code source} again. */
    public void replayable(String source, Replayable replayable) {
        replayables.put(source, replayable);
    }

    /** What takes payloads kept aside from {@code source} again, if anything does. */
    public Optional<Replayable> replayable(String source) {
        return source == null ? Optional.empty() : Optional.ofNullable(replayables.get(source));
    }

    /**
     * One event within the caller's transaction (a poller that commits its cursor with the events); tickets it
     * changed are announced after commit. Returns what the inbox did with a message, or null for other events.
     */
    public AcceptResult handle(Handle handle, ChannelEvent event, AfterCommit afterCommit) {
        List<AcceptResult> accepted = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        handleOne(handle, event, afterCommit, accepted, changed, new ArrayList<>());
        changed.forEach(ticketId -> afterCommit.add(() -> onTicketChanged.accept(ticketId)));
        return accepted.isEmpty() ? null : accepted.get(0);
    }

    private void handleOne(Handle handle, ChannelEvent event, AfterCommit afterCommit, List<AcceptResult> accepted,
                           List<Long> changed, List<BotReply> greetings) {
        if (bot != null && bot.handles(event.channel())) {
            if (event instanceof InboundMessage message) {
                bot.message(handle, message, afterCommit).ifPresent(result -> {
                    accepted.add(result);
                    if (result.changedSomething()) {
                        changed.add(result.ticketId());
                    }
                    answerRefusedFiles(handle, message, result, afterCommit);
                });
                return;
            }
            if (event instanceof ButtonPress press) {
                bot.buttonPress(handle, press, afterCommit);
                return;
            }
            if (event instanceof ConversationStarted started) {
                greetings.add(bot.conversationStarted(handle, started, afterCommit));
                return;
            }
        }
        if (event instanceof InboundMessage message) {
            AcceptResult result = inbox.accept(handle, message, Inbox.Placement.THREAD, afterCommit);
            accepted.add(result);
            if (result.changedSomething()) {
                changed.add(result.ticketId());
            }
            answerRefusedFiles(handle, message, result, afterCommit);
        } else if (event instanceof DeliveryUpdate update) {
            MessageQueries messages = new MessageQueries(handle);
            if (messages.applyDelivery(update.channel(), update.providerId(), update.state(), update.reason())) {
                messages.findSent(update.channel(), update.providerId())
                        .map(MessageQueries.StoredMessage::ticketId) // null for bot chatter
                        .ifPresent(changed::add);
            } else {
                log.debug("Delivery update {} for {} {} ignored (unknown message or not a forward move)",
                        update.state(), update.channel(), update.providerId());
            }
        } else if (event instanceof ReachabilityChange change) {
            ContactQueries contacts = new ContactQueries(handle);
            contacts.findAddress(change.address()).ifPresent(address -> {
                contacts.setReachability(address.id(), change.reachable() ? null : change.reason(), change.at());
                if (address.lastTicketId() != null) {
                    changed.add(address.lastTicketId());
                }
            });
        } else {
            log.warn("No handler for {} events from {}; ignored", event.getClass().getSimpleName(), event.channel().wireName());
        }
    }

    /** Files that did not reach us get one polite answer, for a newly stored message written by a person. */
    private void answerRefusedFiles(Handle handle, InboundMessage message, AcceptResult result, AfterCommit afterCommit) {
        boolean newlyStored = result.outcome() != AcceptResult.Outcome.DUPLICATE && result.outcome() != AcceptResult.Outcome.EDITED;
        if (refusedReply != null && newlyStored && !message.automated() && !message.refusedAttachments().isEmpty()) {
            refusedReply.queue(handle, result, message, afterCommit);
        }
    }

    /** A request that can never be processed, kept as received. */
    public void keepAside(KeptAside.Origin origin, String reason) {
        transactions.inTransaction((handle, afterCommit) -> {
            KeptAside.keep(handle, origin, reason, clock.instant());
            return null;
        });
    }

    /** A mail from a sender who is no contact, kept for an employee to accept, within the caller's transaction. */
    public void keepForUnknownSender(Handle handle, KeptAside.Origin origin, String sender) {
        KeptAside.keepForUnknownSender(handle, origin, sender, clock.instant());
    }

    /** A payload that can never be processed, kept as received within the caller's transaction. */
    public void keepAside(Handle handle, KeptAside.Origin origin, String reason) {
        KeptAside.keep(handle, origin, reason, clock.instant());
    }
}
