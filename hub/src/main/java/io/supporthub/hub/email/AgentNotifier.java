package io.supporthub.hub.email;

import io.supporthub.hub.timezone.Times;
import io.supporthub.hub.timezone.ViewerZones;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.AgentQueries;
import io.supporthub.hub.agent.Mentions;
import io.supporthub.hub.contact.Contact;
import io.supporthub.hub.contact.ContactQueries;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.group.Group;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketListener;
import io.supporthub.templates.Languages;
import io.supporthub.templates.TemplateVariables;
import io.supporthub.templates.notification.Notification;
import io.supporthub.templates.notification.Notifications;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * Tells agents by email when a ticket is assigned to them, a note mentions them or a ticket arrives unassigned in the
 * queue of a group whose notification list they are on, with a link to the ticket
 * ({@code PUBLIC_URL/tickets/{id}}). Nobody is told of what they did themselves. The mail is queued in the
 * transaction of the change ({@link AgentMailOutbox}) and sent after it commits.
 */
public final class AgentNotifier implements TicketListener {

    private final Notifications notifications;
    private final AgentMailOutbox outbox;
    private final String publicUrl;
    private final ViewerZones zones;

    public AgentNotifier(Notifications notifications, AgentMailOutbox outbox, String publicUrl, ViewerZones zones) {
        this.notifications = notifications;
        this.zones = zones;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
    }

    @Override
    public void assigned(Handle handle, Ticket ticket, Agent assignee, Agent by, AfterCommit afterCommit) {
        if (assignee.id() == by.id()) {
            return;
        }
        TemplateVariables variables = variables(handle, ticket, assignee);
        outbox.enqueue(handle, assignee.id(), ticket.id(), "assigned",
                notifications.render(Notification.TICKET_ASSIGNED, Languages.DEFAULT, variables.asMap()));
        afterCommit.add(outbox::wake);
    }

    @Override
    public void noteAdded(Handle handle, Ticket ticket, Agent author, String text, AfterCommit afterCommit) {
        if (!text.contains("@")) {
            return;
        }
        for (Agent mentioned : Mentions.in(text, new AgentQueries(handle).all())) {
            if (mentioned.id() == author.id()) {
                continue;
            }
            TemplateVariables variables = variables(handle, ticket, mentioned).author(author.name()).message(text);
            outbox.enqueue(handle, mentioned.id(), ticket.id(), "mentioned",
                    notifications.render(Notification.MENTIONED, Languages.DEFAULT, variables.asMap()));
            afterCommit.add(outbox::wake);
        }
    }

    /** The group's notification list, told of a ticket waiting in its queue with nobody responsible. */
    @Override
    public void arrivedUnassigned(Handle handle, Ticket ticket, Group group, List<Agent> toTell, AfterCommit afterCommit) {
        for (Agent agent : toTell) {
            TemplateVariables variables = variables(handle, ticket, agent).put("group.name", group.name());
            outbox.enqueue(handle, agent.id(), ticket.id(), "queued",
                    notifications.render(Notification.QUEUED, Languages.DEFAULT, variables.asMap()));
        }
        afterCommit.add(outbox::wake);
    }

    private TemplateVariables variables(Handle handle, Ticket ticket, Agent reader) {
        String customer = new ContactQueries(handle).contact(ticket.contactId()).map(Contact::name).orElse(null);
        return TemplateVariables.create()
                .agent(reader.name())
                .customer(customer)
                .ticket(ticket.number(), ticket.subject(), ticket.status())
                .link(publicUrl + "/tickets/" + ticket.id())
                // When it was opened, in the reader's own zone (else the company's), named: "2 Nov 10:00 Paris".
                .put("ticket.opened_at", Times.dayTime(ticket.createdAt(), zones.of(handle, reader.id())));
    }
}
