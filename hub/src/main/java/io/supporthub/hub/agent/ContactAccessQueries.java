package io.supporthub.hub.agent;

import org.jdbi.v3.core.Handle;

import java.util.List;

/** SQL of {@link ContactAccess}: whether an employee stands in one of the given relations to a contact's ticket. */
final class ContactAccessQueries {

    /** Responsible for the ticket. */
    static final String ASSIGNEE = "t.assignee_id = :agent";
    /** Opened the ticket (its "created" event is theirs). */
    static final String AUTHOR = "exists (select 1 from ticket_event e where e.ticket_id = t.id and e.kind = 'created' "
            + "and e.actor_agent_id = :agent)";
    /** The ticket is in the queue of one of their groups. */
    static final String IN_GROUP = "t.group_id in (select m.group_id from agent_group_member m where m.agent_id = :agent)";
    /** Observes the ticket, themselves or through one of their groups. */
    static final String OBSERVER = "exists (select 1 from ticket_observer o where o.ticket_id = t.id and (o.agent_id = :agent "
            + "or o.group_id in (select m.group_id from agent_group_member m where m.agent_id = :agent)))";

    /** The employee created the contact by hand (its "created" event on the card's history is theirs). */
    static final String CREATOR = "exists (select 1 from client_event e where e.contact_id = :contact and e.kind = 'created' "
            + "and e.actor_agent_id = :agent)";

    private final Handle handle;

    ContactAccessQueries(Handle handle) {
        this.handle = handle;
    }

    /**
     * True when a ticket of the contact meets one of {@code relations}: SQL conditions on the ticket {@code t} and the
     * employee {@code :agent}, written in code (never from input). The contact's tickets come by {@code ticket_contact}.
     */
    boolean related(long contactId, long agentId, List<String> relations) {
        String sql = "select exists (select 1 from ticket t where t.contact_id = :contact and ("
                + String.join(" or ", relations) + "))";
        return handle.createQuery(sql).bind("contact", contactId).bind("agent", agentId).mapTo(Boolean.class).one();
    }

    /**
     * True when a ticket registered for the company ({@code ticket.company_id}, the index {@code ticket_company_inbox})
     * meets one of {@code relations}.
     */
    boolean relatedToCompany(long companyId, long agentId, List<String> relations) {
        String sql = "select exists (select 1 from ticket t where t.company_id = :company and ("
                + String.join(" or ", relations) + "))";
        return handle.createQuery(sql).bind("company", companyId).bind("agent", agentId).mapTo(Boolean.class).one();
    }

    boolean exists(long contactId) {
        return handle.createQuery("select exists (select 1 from contact where id = :contact)").bind("contact", contactId)
                .mapTo(Boolean.class).one();
    }

    /** True when the employee created the contact ({@link #CREATOR}): a contact made for a phone call has no ticket yet. */
    boolean created(long contactId, long agentId) {
        return handle.createQuery("select " + CREATOR).bind("contact", contactId).bind("agent", agentId)
                .mapTo(Boolean.class).one();
    }
}
