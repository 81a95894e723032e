package io.supporthub.hub.sla;

import io.supporthub.hub.calendar.BusinessTime;
import io.supporthub.hub.calendar.ServiceCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA clocks read from its status history, pure. The history is the ticket's registration and every later
 * status change, each with whether the clocks ran from then on ({@link Run}: running, paused by a pausing status, or
 * stopped by Resolved and Closed), as recorded at the time. Time counts only in running segments, in working seconds
 * of the calendar. The planned times are always derived from the whole history, never patched by a delta: after any
 * edit of the calendar, the standards or a status's flag, the earlier pauses are still honoured.
 * <ul>
 *     <li>Resolution: the moment the running segments add up to the standard. Stopped segments add nothing, so a
 *     reopened ticket goes on from where it stopped. While paused there is no planned time ("paused").</li>
 *     <li>Response: the same over the history up to the response moment; once met it is frozen as it stood then.</li>
 * </ul>
 */
public final class SlaClock {

    private SlaClock() {
    }

    /** Whether the clocks run from a change on. */
    public enum Run { RUNNING, PAUSED, STOPPED }

    /** From {@code at} on (until the next change) the clocks are {@code run}. */
    public record Change(Instant at, Run run) {
    }

    /**
     * What the clocks say at {@code now}: the current {@link Run}, the planned times (null: no standard, or none while
     * paused or stopped), the working seconds used towards each (the response's up to its moment), overdue (an unmet
     * planned time past while running), and {@code nearestDueAt}, the nearest unmet planned time while running.
     */
    public record Reading(Run run, Instant responseDueAt, Instant resolutionDueAt, long responseWorkingSeconds,
                          long resolutionWorkingSeconds, boolean overdue, Instant nearestDueAt) {

        public boolean paused() {
            return run == Run.PAUSED;
        }
    }

    /**
     * @param history        the registration first, then the status changes in order (at least one element)
     * @param responseSeconds   the response standard (null: none)
     * @param resolutionSeconds the resolution standard (null: none)
     * @param respondedAt    when the response was met (null: not yet)
     * @param resolutionByHand a planned resolution time an agent set, kept as it is (null: computed)
     */
    public static Reading read(ServiceCalendar calendar, List<Change> history, Long responseSeconds,
                               Long resolutionSeconds, Instant respondedAt, Instant resolutionByHand, Instant now) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a ticket's history starts with its registration");
        }
        Run run = history.get(history.size() - 1).run();
        List<Change> untilResponse = respondedAt == null ? history : upTo(history, respondedAt);
        Instant responseDue = responseSeconds == null ? null : due(calendar, untilResponse, responseSeconds);
        Instant resolutionDue = resolutionByHand != null ? resolutionByHand
                : resolutionSeconds == null || run != Run.RUNNING ? null : due(calendar, history, resolutionSeconds);
        if (respondedAt == null && run != Run.RUNNING) {
            // Paused: "paused" instead of a time; stopped (resolved or closed unanswered): nothing to meet any more.
            responseDue = null;
        }
        long responseUsed = used(calendar, history, respondedAt == null ? now : min(respondedAt, now));
        long resolutionUsed = used(calendar, history, now);
        Instant nearest = null;
        if (run == Run.RUNNING) {
            nearest = respondedAt == null ? responseDue : null;
            if (resolutionDue != null && (nearest == null || resolutionDue.isBefore(nearest))) {
                nearest = resolutionDue;
            }
        }
        boolean overdue = nearest != null && nearest.isBefore(now);
        return new Reading(run, responseDue, resolutionDue, responseUsed, resolutionUsed, overdue, nearest);
    }

    /** The history as it stood at {@code moment}: the changes before it (the registration always). */
    private static List<Change> upTo(List<Change> history, Instant moment) {
        int end = 1;
        while (end < history.size() && history.get(end).at().isBefore(moment)) {
            end++;
        }
        return history.subList(0, end);
    }

    /**
     * When the running segments of the history reach {@code seconds} of working time: within a closed segment, or
     * from the start of the last one when it runs; null when they do not and the last one does not run.
     */
    private static Instant due(ServiceCalendar calendar, List<Change> history, long seconds) {
        long remaining = seconds;
        for (int i = 0; i < history.size(); i++) {
            Change change = history.get(i);
            if (change.run() != Run.RUNNING) {
                continue;
            }
            if (i == history.size() - 1) {
                return BusinessTime.add(calendar, change.at(), Duration.ofSeconds(remaining));
            }
            Instant end = history.get(i + 1).at();
            long span = BusinessTime.between(calendar, change.at(), end).toSeconds();
            if (span >= remaining) {
                return BusinessTime.add(calendar, change.at(), Duration.ofSeconds(remaining));
            }
            remaining -= span;
        }
        return null;
    }

    /** Working seconds in the running segments before {@code until}. */
    private static long used(ServiceCalendar calendar, List<Change> history, Instant until) {
        long total = 0;
        for (int i = 0; i < history.size(); i++) {
            Change change = history.get(i);
            if (change.run() != Run.RUNNING || !change.at().isBefore(until)) {
                continue;
            }
            Instant end = i == history.size() - 1 ? until : min(history.get(i + 1).at(), until);
            total += BusinessTime.between(calendar, change.at(), end).toSeconds();
        }
        return total;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
