package io.supporthub.hub.catalog;

/** A ticket type; tickets of an internal type never notify the customer. */
public record TicketType(long id, String name, boolean internal, int position) {
}
