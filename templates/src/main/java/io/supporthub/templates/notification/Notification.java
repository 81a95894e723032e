package io.supporthub.templates.notification;

import io.supporthub.templates.TextKey;

/**
 * The notifications the hub sends, each with its subject and text template. Variables each one reads:
 * <ul>
 *   <li>{@link #TICKET_CREATED}, {@link #TICKET_RESOLVED}: customer.name, ticket.number, ticket.subject, company.name</li>
 *   <li>{@link #STATUS_CHANGED}: the same and ticket.status (the status's name as the customer reads it)</li>
 *   <li>{@link #AGENT_REPLY}: message.text, agent.name, company.name, ticket.number, ticket.subject (email only)</li>
 *   <li>{@link #TICKET_ASSIGNED}: agent.name (the assignee), ticket.number, ticket.subject, customer.name, link,
 *   ticket.opened_at (in the assignee's time zone, named)</li>
 *   <li>{@link #MENTIONED}: agent.name (the one mentioned), author.name, message.text (the note), ticket.*, link</li>
 *   <li>{@link #QUEUED}: agent.name (one on the group's notification list), group.name, ticket.number, ticket.subject,
 *   customer.name, link, ticket.opened_at (in the reader's time zone, named)</li>
 * </ul>
 */
public enum Notification {
    TICKET_CREATED(Audience.CUSTOMER, TextKey.CREATED_SUBJECT, TextKey.CREATED_TEXT),
    TICKET_RESOLVED(Audience.CUSTOMER, TextKey.RESOLVED_SUBJECT, TextKey.RESOLVED_TEXT),
    STATUS_CHANGED(Audience.CUSTOMER, TextKey.STATUS_CHANGED_SUBJECT, TextKey.STATUS_CHANGED_TEXT),
    AGENT_REPLY(Audience.CUSTOMER, TextKey.REPLY_SUBJECT, TextKey.REPLY_TEXT),
    TICKET_ASSIGNED(Audience.AGENT, TextKey.ASSIGNED_SUBJECT, TextKey.ASSIGNED_TEXT),
    MENTIONED(Audience.AGENT, TextKey.MENTIONED_SUBJECT, TextKey.MENTIONED_TEXT),
    /** A ticket arrived, unassigned, in the queue of a group whose notification list the agent is on. */
    QUEUED(Audience.AGENT, TextKey.QUEUED_SUBJECT, TextKey.QUEUED_TEXT);

    /** Who reads the notification. */
    public enum Audience { CUSTOMER, AGENT }

    private final Audience audience;
    private final TextKey subject;
    private final TextKey text;

    Notification(Audience audience, TextKey subject, TextKey text) {
        this.audience = audience;
        this.subject = subject;
        this.text = text;
    }

    public Audience audience() {
        return audience;
    }

    public TextKey subjectKey() {
        return subject;
    }

    public TextKey textKey() {
        return text;
    }
}
