package io.supporthub.hub.catalog;

/** A ticket priority, listed by position; its colour marks tickets (a dot on the ticket, a corner in the inbox). */
public record Priority(long id, String name, int position, String color) {
}
