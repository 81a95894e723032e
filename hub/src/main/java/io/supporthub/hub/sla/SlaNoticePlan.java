package io.supporthub.hub.sla;

import io.supporthub.hub.calendar.BusinessTime;
import io.supporthub.hub.calendar.ServiceCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a ticket's warnings and breach notices fall due (pure). For each unmet planned time (the response while not
 * met, the resolution), none while paused or stopped: the warning {@code warnBefore} working minutes before it, on the
 * ticket's calendar, and the breach notice at the planned time itself.
 */
final class SlaNoticePlan {

    /** One notice: its kind, the planned time it is about, and the moment it falls due. */
    record Notice(SlaNoticeKind kind, Instant dueAt, Instant at) {
    }

    /** What to send now (unless already sent), and when to look next (null: nothing left to come). */
    record Decision(List<Notice> toSend, Instant nextAlertAt) {
    }

    private SlaNoticePlan() {
    }

    static List<Notice> of(SlaAlertRow row, ServiceCalendar calendar, Duration warnBefore) {
        return of(Boolean.TRUE.equals(row.paused()) || row.stopped(), row.responseDueAt(), row.respondedAt(),
                row.resolutionDueAt(), calendar, warnBefore);
    }

    /** {@code halted}: paused or stopped, nothing is due. */
    static List<Notice> of(boolean halted, Instant responseDueAt, Instant respondedAt, Instant resolutionDueAt,
                           ServiceCalendar calendar, Duration warnBefore) {
        List<Notice> notices = new ArrayList<>();
        if (halted) {
            return notices;
        }
        if (responseDueAt != null && respondedAt == null) {
            add(notices, SlaNoticeKind.RESPONSE_WARNING, SlaNoticeKind.RESPONSE_BREACH, responseDueAt, calendar,
                    warnBefore);
        }
        if (resolutionDueAt != null) {
            add(notices, SlaNoticeKind.RESOLUTION_WARNING, SlaNoticeKind.RESOLUTION_BREACH, resolutionDueAt,
                    calendar, warnBefore);
        }
        return notices;
    }

    /**
     * When the warnings job must first look at a ticket whose planned times were just (re)computed: the first notice's
     * moment, or {@code now} when that has come already (the job sends what is due); null when nothing is to come.
     */
    static Instant firstLook(List<Notice> planned, Instant now) {
        Instant first = planned.stream().map(Notice::at).min(Comparator.naturalOrder()).orElse(null);
        return first == null ? null : first.isAfter(now) ? first : now;
    }

    /**
     * The notices fallen due by {@code now}, without a warning whose planned time has passed too (a ticket registered
     * late, or a job that was down, sends just the breach), and the first moment after {@code now} still to come.
     */
    static Decision at(List<Notice> planned, Instant now) {
        List<Notice> toSend = new ArrayList<>();
        Instant next = null;
        for (Notice notice : planned) {
            if (notice.at().isAfter(now)) {
                next = next == null || notice.at().isBefore(next) ? notice.at() : next;
            } else if (!(notice.kind().warning() && !notice.dueAt().isAfter(now))) {
                toSend.add(notice);
            }
        }
        toSend.sort(Comparator.comparing(Notice::at));
        return new Decision(toSend, next);
    }

    private static void add(List<Notice> notices, SlaNoticeKind warning, SlaNoticeKind breach, Instant dueAt,
                            ServiceCalendar calendar, Duration warnBefore) {
        if (!warnBefore.isZero() && !warnBefore.isNegative()) {
            try {
                notices.add(new Notice(warning, dueAt, BusinessTime.subtract(calendar, dueAt, warnBefore)));
            } catch (IllegalArgumentException e) {
                // The calendar has no working time that far back (before its first date): no warning, the breach stays.
            }
        }
        notices.add(new Notice(breach, dueAt, dueAt));
    }
}
