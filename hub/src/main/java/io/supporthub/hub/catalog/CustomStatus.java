package io.supporthub.hub.catalog;

/**
 * A status: a base state's own row ({@code system}: renamed, coloured and ordered, never deleted, its meaning fixed) or
 * a named variant of a base state ({@code baseState} is its wire name) that behaves as its base does.
 * {@code pausesSla} and {@code countsForLoad} are stored for the SLA and load issues; null until set.
 */
public record CustomStatus(long id, String name, String baseState, boolean system, String color, int position,
                           Boolean pausesSla, Boolean countsForLoad) {
}
