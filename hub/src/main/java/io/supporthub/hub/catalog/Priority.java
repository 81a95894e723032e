package io.supporthub.hub.catalog;

/** A ticket priority, listed by position. */
public record Priority(long id, String name, int position) {
}
