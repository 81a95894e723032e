package io.supporthub.hub.catalog;

/** A named variant of a base state ({@code baseState} is its wire name); it behaves as its base does. */
public record CustomStatus(long id, String name, String baseState) {
}
