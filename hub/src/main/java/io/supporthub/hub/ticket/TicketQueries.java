package io.supporthub.hub.ticket;

import io.supporthub.channels.ChannelKind;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL on ticket rows and their timeline, within the caller's transaction. */
public final class TicketQueries {

    /**
     * Adds a new subject's words to the ticket's search vector (the words of messages are indexed on the messages),
     * bounded, so renaming a ticket again and again never grows it towards PostgreSQL's 1 MB limit.
     */
    private static final String APPEND_SEARCH = "search = case when length(search) < 20000 "
            + "then search || strip(to_tsvector('simple', left(:text, 5000))) else search end";

    private static final String SLA_COLUMNS = "sla_rule_id, sla_calendar_id, sla_response_seconds, sla_resolution_seconds, "
            + "sla_paused, response_due_at, resolution_due_at, sla_due_at, sla_alert_at";
    private static final String SLA_VALUES = ":slaRuleId, :slaCalendarId, :slaResponseSeconds, :slaResolutionSeconds, "
            + ":slaPaused, :responseDueAt, :resolutionDueAt, :slaDueAt, :slaAlertAt";

    private final Handle handle;

    public TicketQueries(Handle handle) {
        this.handle = handle;
    }

    public Optional<Ticket> find(long id) {
        return handle.createQuery("select " + Ticket.COLUMNS + " from ticket where id = :id")
                .bind("id", id).mapTo(Ticket.class).findOne();
    }

    /** The ticket, locked until the transaction ends. */
    public Optional<Ticket> lock(long id) {
        return handle.createQuery("select " + Ticket.COLUMNS + " from ticket where id = :id for no key update")
                .bind("id", id).mapTo(Ticket.class).findOne();
    }

    public Optional<Ticket> lockByNumber(long number) {
        return handle.createQuery("select " + Ticket.COLUMNS + " from ticket where number = :number for no key update")
                .bind("number", number).mapTo(Ticket.class).findOne();
    }

    /**
     * A new ticket. Its company comes from its contact's (the trigger {@code ticket_contact_company}), and the default
     * observers of that company and of the contact become its observers in the same statement's transaction.
     */
    public Ticket create(NewTicket ticket, Instant now) {
        Ticket created = insert(ticket, now);
        new io.supporthub.hub.observer.ObserverQueries(handle).addDefaults(created.id(), now);
        return created;
    }

    private Ticket insert(NewTicket ticket, Instant now) {
        RegistrationSla.Columns sla = ticket.sla();
        Query insert = handle.createQuery("insert into ticket (subject, status, line, type_id, priority_id, contact_id, channel, "
                        + "follow_up_of, created_at, updated_at, last_message_at, last_message_in, waiting_since, search"
                        + (sla == null ? "" : ", " + SLA_COLUMNS) + ") "
                        + "values (:subject, 'open', 1, :typeId, coalesce(:priorityId, (select id from ticket_priority where name = 'normal')), "
                        + ":contactId, :channel, :followUpOf, :now, :now, :now, :fromCustomer, "
                        + "case when :fromCustomer then cast(:now as timestamptz) end, to_tsvector('simple', :subject)"
                        + (sla == null ? "" : ", " + SLA_VALUES) + ") "
                        + "returning " + Ticket.COLUMNS);
        if (sla != null) {
            insert.bind("slaRuleId", sla.ruleId()).bind("slaCalendarId", sla.calendarId())
                    .bind("slaResponseSeconds", sla.responseSeconds()).bind("slaResolutionSeconds", sla.resolutionSeconds())
                    .bind("slaPaused", sla.paused()).bind("responseDueAt", sla.responseDueAt())
                    .bind("resolutionDueAt", sla.resolutionDueAt()).bind("slaDueAt", sla.dueAt())
                    .bind("slaAlertAt", sla.alertAt());
        }
        return insert
                .bind("subject", ticket.subject())
                .bind("typeId", ticket.typeId())
                .bind("priorityId", ticket.priorityId())
                .bind("contactId", ticket.contactId())
                .bind("channel", ticket.channel().wireName())
                .bind("followUpOf", ticket.followUpOf())
                .bind("fromCustomer", ticket.fromCustomer())
                .bind("now", now)
                .mapTo(Ticket.class)
                .one();
    }

    /** Puts the ticket under a company, or none; its contact's company is left as it is. */
    public void setCompany(long ticketId, Long companyId) {
        handle.createUpdate("update ticket set company_id = :companyId where id = :id")
                .bind("id", ticketId).bind("companyId", companyId).execute();
    }

    /** The company the ticket is registered for, if any. */
    public Optional<Long> companyOf(long ticketId) {
        return handle.createQuery("select company_id from ticket where id = :id and company_id is not null")
                .bind("id", ticketId).mapTo(Long.class).findOne();
    }

    /** The name of the company, when there is one with that id. */
    public Optional<String> companyName(long companyId) {
        return handle.createQuery("select name from company where id = :id").bind("id", companyId)
                .mapTo(String.class).findOne();
    }

    /** What a new ticket starts with; {@code sla}: the SLA it is registered with (see {@link RegistrationSla}), or null. */
    public record NewTicket(String subject, long contactId, ChannelKind channel, Long typeId, Long priorityId,
                            Long followUpOf, boolean fromCustomer, RegistrationSla.Columns sla) {
    }

    /** Records a customer's message: the ticket waits for the company from now (unless it already did). */
    public void touchInbound(long ticketId, Instant now) {
        handle.createUpdate("update ticket set last_message_at = :now, last_message_in = true, updated_at = :now, "
                        + "waiting_since = coalesce(waiting_since, :now) where id = :id")
                .bind("id", ticketId).bind("now", now).execute();
    }

    /** Records a public agent message: the customer no longer waits. */
    public void touchOutbound(long ticketId, Instant now, boolean firstResponse) {
        handle.createUpdate("update ticket set last_message_at = :now, last_message_in = false, updated_at = :now, "
                        + "waiting_since = null, "
                        + "first_response_at = case when :firstResponse then coalesce(first_response_at, :now) else first_response_at end "
                        + "where id = :id")
                .bind("id", ticketId).bind("now", now).bind("firstResponse", firstResponse).execute();
    }

    public void touch(long ticketId, Instant now) {
        handle.createUpdate("update ticket set updated_at = :now where id = :id").bind("id", ticketId).bind("now", now).execute();
    }

    /** Writes a new status with the timestamps it implies; the archive moment is set only when leaving the open-type states. */
    public void setStatus(Ticket ticket, TicketStatus to, Long customStatusId, Instant postponedUntil, Instant now) {
        TicketStatus from = ticket.baseStatus();
        boolean archiving = from.isOpenType() && !to.isOpenType();
        boolean reopening = !from.isOpenType() && to.isOpenType();
        handle.createUpdate("update ticket set status = :to, custom_status_id = :customStatusId, updated_at = :now, "
                        + "postponed_until = :postponedUntil, "
                        + "resolved_at = case when :to = 'resolved' then cast(:now as timestamptz) when :reopening then null else resolved_at end, "
                        + "closed_at = case when :to = 'closed' then cast(:now as timestamptz) when :reopening then null else closed_at end, "
                        + "archived_at = case when :archiving then cast(:now as timestamptz) when :reopening then null else archived_at end "
                        + "where id = :id")
                .bind("id", ticket.id())
                .bind("to", to.wireName())
                .bind("customStatusId", customStatusId)
                .bind("postponedUntil", to == TicketStatus.POSTPONED ? postponedUntil : null)
                .bind("archiving", archiving)
                .bind("reopening", reopening)
                .bind("now", now)
                .execute();
    }

    public void addEvent(long ticketId, String kind, String actor, Long agentId, String fromStatus, String toStatus,
                         String detailJson, Instant now) {
        handle.createUpdate("insert into ticket_event (ticket_id, kind, actor, actor_agent_id, from_status, to_status, detail, created_at) "
                        + "values (:ticketId, :kind, :actor, :agentId, :fromStatus, :toStatus, cast(:detail as jsonb), :now)")
                .bind("ticketId", ticketId).bind("kind", kind).bind("actor", actor).bind("agentId", agentId)
                .bind("fromStatus", fromStatus).bind("toStatus", toStatus).bind("detail", detailJson).bind("now", now)
                .execute();
    }

    public List<TicketEvent> events(long ticketId) {
        return handle.createQuery("select e.id, e.kind, e.actor, e.actor_agent_id, a.name as actor_name, e.from_status, "
                        + "e.to_status, e.detail::text as detail, e.created_at from ticket_event e "
                        + "left join agent a on a.id = e.actor_agent_id where e.ticket_id = :id order by e.id")
                .bind("id", ticketId).mapTo(TicketEvent.class).list();
    }

    /** Ids of postponed tickets whose time has come, and of resolved tickets due for auto-close. */
    public List<Long> duePostponed(Instant now) {
        return handle.createQuery("select id from ticket where status = 'postponed' and postponed_until <= :now")
                .bind("now", now).mapTo(Long.class).list();
    }

    public List<Long> dueAutoClose(Instant resolvedBefore) {
        return handle.createQuery("select id from ticket where status = 'resolved' and resolved_at <= :before")
                .bind("before", resolvedBefore).mapTo(Long.class).list();
    }

    /** Gives the ticket to an agent; it stays in its group. */
    public void assignTo(long ticketId, long agentId) {
        handle.createUpdate("update ticket set assignee_id = :agentId where id = :id")
                .bind("id", ticketId).bind("agentId", agentId).execute();
    }

    public void setAssignee(long ticketId, Long agentId) {
        handle.createUpdate("update ticket set assignee_id = :value where id = :id")
                .bind("id", ticketId).bind("value", agentId).execute();
    }

    public void setType(long ticketId, long typeId) {
        handle.createUpdate("update ticket set type_id = :value where id = :id")
                .bind("id", ticketId).bind("value", typeId).execute();
    }

    public void setPriority(long ticketId, long priorityId) {
        handle.createUpdate("update ticket set priority_id = :value where id = :id")
                .bind("id", ticketId).bind("value", priorityId).execute();
    }

    /** A new subject, its words added to the ticket's search. */
    public void setSubject(long ticketId, String subject) {
        handle.createUpdate("update ticket set subject = :text, " + APPEND_SEARCH + " where id = :id")
                .bind("id", ticketId).bind("text", subject).execute();
    }

    /*
     * The catalog rows a ticket is given by name. Read here rather than through CatalogQueries because the catalog
     * depends on tickets (a custom status is a variant of a ticket's base state), not the other way round.
     */

    /** The name of a ticket type or priority by id, for a timeline's "from" value; null for none. */
    public String typeName(Long typeId) {
        return typeId == null ? null : handle.createQuery("select name from ticket_type where id = :id")
                .bind("id", typeId).mapTo(String.class).findOne().orElse(null);
    }

    public String priorityName(Long priorityId) {
        return priorityId == null ? null : handle.createQuery("select name from ticket_priority where id = :id")
                .bind("id", priorityId).mapTo(String.class).findOne().orElse(null);
    }

    /** The agent who wrote the ticket's latest event of this kind (the one who escalated it, for "send back"). */
    public Optional<Long> latestActorOf(long ticketId, String kind) {
        return handle.createQuery("select actor_agent_id from ticket_event where ticket_id = :id and kind = :kind "
                        + "and actor_agent_id is not null order by id desc limit 1")
                .bind("id", ticketId).bind("kind", kind).mapTo(Long.class).findOne();
    }

    /** The ticket type with the name, compared without case. */
    public Optional<Long> typeId(String name) {
        return handle.createQuery("select id from ticket_type where lower(name) = lower(:name)")
                .bind("name", name).mapTo(Long.class).findOne();
    }

    /** The priority with the name, compared without case. */
    public Optional<Long> priorityId(String name) {
        return handle.createQuery("select id from ticket_priority where lower(name) = lower(:name)")
                .bind("name", name).mapTo(Long.class).findOne();
    }

    /**
     * A status as a ticket takes it: its id and its base state's wire name; a base state's own row ({@code system})
     * is that base state itself, with no custom status.
     */
    public record CustomStatusRef(long id, String baseState, boolean system) {
    }

    /** The status with the name, compared without case. */
    public Optional<CustomStatusRef> customStatusNamed(String name) {
        return handle.createQuery("select id, base_state, system from custom_status where lower(name) = lower(:name)")
                .bind("name", name).mapTo(CustomStatusRef.class).findOne();
    }

    /** Opened by a person writing, not by an auto-reply or a bounce. */
    public boolean openedByCustomer(long ticketId) {
        return handle.createQuery("select exists (select 1 from ticket_event where ticket_id = :id and kind = 'created' "
                        + "and actor = 'customer') and not exists (select 1 from message where ticket_id = :id "
                        + "and direction = 'in' and automated)")
                .bind("id", ticketId).mapTo(Boolean.class).one();
    }

    /** A ticket as its customer sees it; {@code customStatus} is the custom status's name, if it has one. */
    public record CustomerTicket(long id, long number, String subject, String status, String customStatus) {
    }

    /** The contact's own tickets not of an internal type: internal ones are invisible to customers. */
    private static final String CUSTOMER_TICKETS = "select t.id, t.number, t.subject, t.status, cs.name as custom_status "
            + "from ticket t left join ticket_type ty on ty.id = t.type_id "
            + "left join custom_status cs on cs.id = t.custom_status_id "
            + "where t.contact_id = :contactId and not coalesce(ty.internal, false) ";

    /** The contact's newest tickets their customer may see, newest first. */
    public List<CustomerTicket> customerTickets(long contactId, int limit) {
        return handle.createQuery(CUSTOMER_TICKETS + "order by t.created_at desc, t.id desc limit " + limit)
                .bind("contactId", contactId)
                .mapTo(CustomerTicket.class)
                .list();
    }

    /** The ticket, when the contact owns it and may see it. */
    public Optional<CustomerTicket> customerTicket(long contactId, long ticketId) {
        return handle.createQuery(CUSTOMER_TICKETS + "and t.id = :ticketId")
                .bind("contactId", contactId)
                .bind("ticketId", ticketId)
                .mapTo(CustomerTicket.class)
                .findOne();
    }

    /** The customer's rating of their ticket; false when the ticket is not the contact's. */
    public boolean rate(long ticketId, long contactId, int stars, String comment, Instant now) {
        return handle.createUpdate("update ticket set rating = :stars, rating_comment = :comment, updated_at = :now "
                        + "where id = :id and contact_id = :contactId")
                .bind("id", ticketId)
                .bind("contactId", contactId)
                .bind("stars", stars)
                .bind("comment", comment)
                .bind("now", now)
                .execute() > 0;
    }
}
