package io.supporthub.hub.message;

import io.supporthub.channels.SenderAuthentication;
import java.time.Instant;

/**
 * A stored message of a ticket: the customer's, an agent's public reply, a notification or an internal note.
 * {@code ratingComment} marks the customer's comment on their rating (it reopened nothing); {@code senderAuth} is the
 * JSON of an inbound mail's {@link SenderAuthentication}.
 */
public record Message(long id, long ticketId, String direction, String visibility, String channel, Long addressId,
                      Long authorAgentId, String authorName, String text, String html, String externalId,
                      String deliveryState, String deliveryError, boolean automated, boolean ratingComment,
                      Instant editedAt, Instant createdAt, String senderAuth) {

    /** What the receiving mail server found checking the sender, or null. */
    public SenderAuthentication senderAuthentication() {
        return SenderAuthColumn.read(senderAuth);
    }

    static final String SELECT = "select m.id, m.ticket_id, m.direction, m.visibility, m.channel, m.address_id, "
            + "m.author_agent_id, coalesce(a.name, c.name) as author_name, m.text, m.html, m.external_id, "
            + "m.delivery_state, m.delivery_error, m.automated, coalesce(m.rating_comment, false) as rating_comment, "
            + "m.edited_at, m.created_at, m.sender_auth::text as sender_auth from message m "
            + "join ticket t on t.id = m.ticket_id left join agent a on a.id = m.author_agent_id "
            + "left join contact c on c.id = t.contact_id and m.direction = 'in' ";
}
