package io.supporthub.hub.notification;

import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.catalog.CatalogQueries;
import io.supporthub.hub.company.CompanyQueries;
import io.supporthub.hub.contact.AddressRow;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.outbox.Outbox;
import io.supporthub.hub.outbox.Outgoing;
import io.supporthub.hub.ticket.Actor;
import io.supporthub.hub.ticket.ReplyAddress;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketListener;
import io.supporthub.hub.ticket.TicketOps;
import io.supporthub.hub.ticket.TicketQueries;
import io.supporthub.hub.ticket.TicketService;
import io.supporthub.hub.ticket.TicketStatus;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.notification.Notification;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells customers about their tickets, on any channel: a ticket they opened (with its number), resolved, or moved to
 * a status an admin picked. Runs inside the transaction of the change, so the notification (a public, automated
 * outgoing message and its outbox row) commits with it. It goes on the ticket's reply channel, to the address
 * replies would go to, in the customer's language; only when the admin switched that (channel, notification) on,
 * never for a ticket of an internal type, never for a change the customer made themselves, and not when the customer
 * cannot be reached there (logged).
 */
public final class CustomerNotifier implements TicketListener {

    private static final Logger log = LoggerFactory.getLogger(CustomerNotifier.class);

    private final Supplier<TicketService> tickets;
    private final NotificationStore store;
    private final DefaultTexts defaults;
    private final TemplateRenderer renderer;
    private final Outbox outbox;
    private final Clock clock;

    /**
     * @param tickets resolved when a notification is written: the TicketService is built after the TicketOps that
     *                calls this listener
     */
    public CustomerNotifier(Supplier<TicketService> tickets, NotificationStore store, DefaultTexts defaults,
                            TemplateRenderer renderer, Outbox outbox, Clock clock) {
        this.tickets = tickets;
        this.store = store;
        this.defaults = defaults;
        this.renderer = renderer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void created(Handle handle, Ticket ticket, Actor actor, AfterCommit afterCommit) {
        if (openedByCustomer(handle, ticket)) {
            notify(handle, ticket, List.of(Notification.TICKET_CREATED), afterCommit);
        }
    }

    @Override
    public void statusChanged(Handle handle, Ticket before, TicketStatus to, Actor actor, AfterCommit afterCommit) {
        if (actor != Actor.AGENT && actor != Actor.POSTPONE_TIMER && actor != Actor.AUTO_CLOSE) {
            return;
        }
        Ticket ticket = new TicketQueries(handle).find(before.id()).orElseThrow();
        List<Notification> candidates = new ArrayList<>();
        if (to == TicketStatus.RESOLVED) {
            candidates.add(Notification.TICKET_RESOLVED);
        }
        candidates.add(Notification.STATUS_CHANGED);
        notify(handle, ticket, candidates, afterCommit);
    }

    /** Sends the first of the candidates that is switched on for the ticket's reply channel. */
    private void notify(Handle handle, Ticket ticket, List<Notification> candidates, AfterCommit afterCommit) {
        if (isInternal(handle, ticket)) {
            return;
        }
        NotificationSettings settings = store.read(handle);
        TicketService service = tickets.get();
        ChannelKind via = service.defaultReplyChannel(handle, ticket);
        Notification notification = candidates.stream()
                .filter(n -> settings.isOn(via, n))
                .filter(n -> n != Notification.STATUS_CHANGED || settings.notifiesStatus(ticket.status())
                        || settings.notifiesStatus(customStatusName(handle, ticket)))
                .findFirst().orElse(null);
        if (notification == null) {
            return;
        }
        ReplyAddress reply = service.replyAddress(handle, ticket, via);
        Optional<String> companyAddress = reply.found() ? Optional.empty() : companyAddress(handle, ticket, via, service);
        if (!reply.found() && companyAddress.isEmpty()) {
            log.info("No {} notification for ticket #{}: {}", NotificationSettings.wireName(notification),
                    ticket.number(), reply.problem());
            return;
        }
        String language = TicketVariables.language(handle, ticket);
        Map<String, Object> variables = TicketVariables.of(handle, ticket, defaults, settings.companyName(), null);
        String template = settings.override(language, notification.textKey());
        String text = renderer.renderPlain(template != null ? template : defaults.template(language, notification.textKey()),
                variables).strip();
        if (reply.found()) {
            write(handle, ticket, via, reply.address(), notification, text, afterCommit);
        } else {
            writeToCompany(handle, ticket, via, companyAddress.get(), notification, text, afterCommit);
        }
    }

    /**
     * For a contact with no email (for SMS: no phone) of their own at all, the first email (phone) of the ticket's
     * company, when the channel is on and the company has one. A contact whose own address is unreachable is not
     * written to elsewhere: that is theirs to fix.
     */
    private static Optional<String> companyAddress(Handle handle, Ticket ticket, ChannelKind via, TicketService service) {
        if (via != ChannelKind.EMAIL && via != ChannelKind.SMS || !service.canSendOn(via)) {
            return Optional.empty();
        }
        boolean hasOwn = new ContactQueries(handle).addresses(ticket.contactId()).stream()
                .anyMatch(a -> a.kind().equals(via.addressKind().wireName()));
        if (hasOwn) {
            return Optional.empty();
        }
        return new TicketQueries(handle).companyOf(ticket.id())
                .flatMap(companyId -> new CompanyQueries(handle).firstAddress(companyId, via == ChannelKind.SMS));
    }

    private void writeToCompany(Handle handle, Ticket ticket, ChannelKind via, String recipient, Notification notification,
                                String text, AfterCommit afterCommit) {
        long messageId = outbox.queueToRecipient(handle, ticket.id(), via, recipient, text, afterCommit);
        new TicketQueries(handle).addEvent(ticket.id(), "notified", "system", null, null, null,
                TicketOps.json(Map.of("notification", NotificationSettings.wireName(notification),
                        "channel", via.wireName(), "messageId", messageId, "to", "company")), clock.instant());
        log.info("{} notification for ticket #{} sent to its company's {} (the contact has none of their own)",
                NotificationSettings.wireName(notification), ticket.number(), via == ChannelKind.SMS ? "phone" : "email");
    }

    private void write(Handle handle, Ticket ticket, ChannelKind via, AddressRow address, Notification notification,
                       String text, AfterCommit afterCommit) {
        Instant now = clock.instant();
        long messageId = outbox.queue(handle, Outgoing.automated(ticket.id(), via, address.id(), text), afterCommit);
        new ContactQueries(handle).rememberTicketUnlessBusy(address.id(), ticket.id());
        new TicketQueries(handle).addEvent(ticket.id(), "notified", "system", null, null, null,
                TicketOps.json(Map.of("notification", NotificationSettings.wireName(notification),
                        "channel", via.wireName(), "messageId", messageId)), now);
    }

    /** Opened by a person writing, not by an auto-reply or a bounce: those are never acknowledged. */
    private static boolean openedByCustomer(Handle handle, Ticket ticket) {
        return new TicketQueries(handle).openedByCustomer(ticket.id());
    }

    private static boolean isInternal(Handle handle, Ticket ticket) {
        return ticket.typeId() != null && new CatalogQueries(handle).internalType(ticket.typeId());
    }

    private static String customStatusName(Handle handle, Ticket ticket) {
        return ticket.customStatusId() == null ? null
                : new CatalogQueries(handle).customStatusName(ticket.customStatusId()).orElse(null);
    }
}
