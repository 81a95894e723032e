package io.supporthub.hub.ticket;

import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * The windows of the views Overdue and Due today on {@code ticket.sla_due_at}. Overdue: due before now. Due today: due
 * within today in the company's time zone (the settings), from its midnight to the next, so a ticket that fell overdue
 * this morning is in both views and one overdue since yesterday only in Overdue (Okdesk's "deadline today" is the
 * calendar day too, whether or not the time has passed).
 */
public final class DueWindows {

    /** A window {@code [from, before)}; a null end is open. */
    public record Window(Instant from, Instant before) {
    }

    private final Clock clock;
    private final Function<Handle, ZoneId> companyZone;

    /** {@code companyZone}: the company's zone, read in the caller's transaction. */
    public DueWindows(Clock clock, Function<Handle, ZoneId> companyZone) {
        this.clock = clock;
        this.companyZone = companyZone;
    }

    public Window overdue() {
        return new Window(null, clock.instant());
    }

    public Window dueToday(Handle handle) {
        ZoneId zone = companyZone.apply(handle);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return new Window(today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The window of {@code sla=overdue|due_today}; anything else is refused. */
    public Window of(Handle handle, String sla) {
        return switch (sla) {
            case "overdue" -> overdue();
            case "due_today" -> dueToday(handle);
            default -> throw new IllegalArgumentException("'sla' must be overdue or due_today");
        };
    }
}
