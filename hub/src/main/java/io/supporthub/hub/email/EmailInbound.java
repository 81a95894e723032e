package io.supporthub.hub.email;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.DeliveryUpdate;
import io.supporthub.channels.InboundMessage;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.settings.SettingsService;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.inbox.AcceptResult;
import io.supporthub.hub.message.MessageQueries;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What the mailbox import hands over, taken in the caller's transaction (the one that also moves the mailbox
 * cursor), in this order per mail:
 * <ol>
 *   <li>a bounce of a mail of ours only marks that mail failed (its DeliveryUpdate follows it in the batch): it opens
 *       no ticket from the mailer daemon;</li>
 *   <li>a mail from an active agent's address on a ticket is that agent's public reply ({@link AgentMailReply});</li>
 *   <li>anything else goes through the {@link ChannelEventHandler} (inbox threading, delivery news, kept-aside
 *       payloads); a customer's mail from a sender who is no contact, while the switch "create contacts for unknown
 *       senders" is off, is kept aside instead ({@link HoldUnknownSender}), for an employee to accept; a customer's mail whose attachments were too large gets one polite automatic answer
 *       ({@link RefusedAttachmentsReply}), never an automated mail.</li>
 * </ol>
 */
public final class EmailInbound {

    private static final Logger log = LoggerFactory.getLogger(EmailInbound.class);

    private final ChannelEventHandler channelEvents;
    private final AgentMailReply agentReplies;

    public EmailInbound(ChannelEventHandler channelEvents, AgentMailReply agentReplies) {
        this.channelEvents = channelEvents;
        this.agentReplies = agentReplies;
    }

    /** Where a mail goes whose sender is no contact while contacts are not created for unknown senders. */
    @FunctionalInterface
    public interface HoldUnknownSender {
        /** Keeps the mail aside, in the caller's transaction, for an employee to accept. */
        void hold(String sender);
    }

    /**
     * The events within the caller's transaction; returns what the inbox did with the mails that went to it.
     *
     * @param unknownSenders where a customer's mail from an unknown sender goes when the switch "create contacts for
     *                       unknown senders" is off; null to take it into the inbox whatever the switch (an employee
     *                       accepted it)
     */
    public List<AcceptResult> accept(Handle handle, List<? extends ChannelEvent> events, AfterCommit afterCommit,
                                     HoldUnknownSender unknownSenders) {
        List<AcceptResult> accepted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ChannelEvent event = events.get(i);
            if (!(event instanceof InboundMessage mail)) {
                channelEvents.handle(handle, event, afterCommit);
                continue;
            }
            if (mail.automated() && i + 1 < events.size() && events.get(i + 1) instanceof DeliveryUpdate bounce
                    && new MessageQueries(handle).findByExternalId(ChannelKind.EMAIL, bounce.providerId()).isPresent()) {
                log.info("Mail {} from {} is a bounce of our mail <{}>: marking it failed ({})", mail.externalId(),
                        mail.from().value(), bounce.providerId(), bounce.reason());
                continue;
            }
            if (agentReplies.accept(handle, mail, afterCommit)) {
                continue;
            }
            // The switch first: on (the default), a mail costs one read of it and no look-up of its sender here.
            if (unknownSenders != null && !SettingsService.createsContactsForUnknownSenders(handle) && unknown(handle, mail)) {
                unknownSenders.hold(mail.from().value());
                continue;
            }
            AcceptResult result = channelEvents.handle(handle, mail, afterCommit);
            if (result != null) {
                accepted.add(result);
            }
        }
        return accepted;
    }

    /** Whether no contact has the mail's address (nor any other address its sender revealed). */
    private static boolean unknown(Handle handle, InboundMessage mail) {
        ContactQueries contacts = new ContactQueries(handle);
        return contacts.findAddress(mail.from()).isEmpty()
                && mail.sender().otherAddresses().stream().allMatch(address -> contacts.findAddress(address).isEmpty());
    }
}
