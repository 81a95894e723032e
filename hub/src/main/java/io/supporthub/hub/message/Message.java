package io.supporthub.hub.message;

import java.time.Instant;

/** A stored message of a ticket: the customer's, an agent's public reply, a notification or an internal note. */
public record Message(long id, long ticketId, String direction, String visibility, String channel, Long addressId,
                      Long authorAgentId, String authorName, String text, String html, String externalId,
                      String deliveryState, String deliveryError, boolean automated, Instant editedAt,
                      Instant createdAt) {

    static final String SELECT = "select m.id, m.ticket_id, m.direction, m.visibility, m.channel, m.address_id, "
            + "m.author_agent_id, coalesce(a.name, c.name) as author_name, m.text, m.html, m.external_id, "
            + "m.delivery_state, m.delivery_error, m.automated, m.edited_at, m.created_at from message m "
            + "join ticket t on t.id = m.ticket_id left join agent a on a.id = m.author_agent_id "
            + "left join contact c on c.id = t.contact_id and m.direction = 'in' ";
}
