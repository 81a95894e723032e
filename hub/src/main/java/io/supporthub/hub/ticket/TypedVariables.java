package io.supporthub.hub.ticket;

import org.jdbi.v3.core.Handle;

/**
 * Template variables an agent typed by hand in a reply or a new ticket's first message ({@code {{customer.name}}}),
 * rendered for the ticket before the text is stored and sent, so that a customer never reads template syntax.
 */
@FunctionalInterface
public interface TypedVariables {

    /** Text without variables, as it is. */
    TypedVariables NONE = (handle, ticketId, agentId, text) -> text;

    /**
     * The text with its variables rendered for the ticket, in the caller's transaction.
     *
     * @throws io.supporthub.hub.error.Refusal (422) naming what is wrong: an unknown variable or broken syntax
     */
    String render(Handle handle, long ticketId, long agentId, String text);
}
