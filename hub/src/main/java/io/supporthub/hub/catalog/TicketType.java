package io.supporthub.hub.catalog;

/** A ticket type, listed by position; tickets of an internal type never notify the customer. */
public record TicketType(long id, String name, boolean internal, int position, String color) {
}
