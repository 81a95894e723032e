package io.supporthub.hub.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.supporthub.hub.ticket.StatusFlags;
import io.supporthub.hub.ticket.TicketStatus;

/**
 * A status: a base state's own row ({@code system}: renamed, coloured and ordered, never deleted, its meaning fixed) or
 * a named variant of a base state ({@code baseState} is its wire name) that behaves as its base does.
 * {@code pausesSla} and {@code countsForLoad} are the flags as stored, null until set; the JSON also carries the
 * values in effect (see {@link StatusFlags}).
 */
public record CustomStatus(long id, String name, String baseState, boolean system, String color, int position,
                           Boolean pausesSla, Boolean countsForLoad) {

    /** Resolved and Closed stop both SLA clocks: their flags mean nothing and are not set. */
    public boolean stopsClocks() {
        return !TicketStatus.fromWire(baseState).isOpenType();
    }

    /** Whether the status pauses the SLA when its own flag is not set (a custom status: as its base's default). */
    @JsonProperty("effectivePausesSla")
    public boolean effectivePausesSla() {
        return StatusFlags.effectivePausesSla(TicketStatus.fromWire(baseState), pausesSla);
    }

    @JsonProperty("effectiveCountsForLoad")
    public boolean effectiveCountsForLoad() {
        return !stopsClocks() && StatusFlags.effectiveCountsForLoad(countsForLoad);
    }
}
