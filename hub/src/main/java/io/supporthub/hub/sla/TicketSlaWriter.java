package io.supporthub.hub.sla;

import io.supporthub.hub.calendar.CalendarQueries;
import io.supporthub.hub.calendar.ServiceCalendar;
import io.supporthub.hub.calendar.StoredCalendar;
import io.supporthub.hub.sla.SlaClock.Change;
import io.supporthub.hub.sla.SlaClock.Reading;
import io.supporthub.hub.sla.SlaClock.Run;
import io.supporthub.hub.sla.TicketSlaQueries.Current;
import io.supporthub.hub.ticket.StatusFlags;
import io.supporthub.hub.ticket.TicketStatus;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that computes and writes a ticket's SLA columns: the terms, the planned times, the pause, the response,
 * the figures, and {@code sla_due_at} and {@code sla_alert_at} with them (for a ticket a customer's message registers,
 * it computes them for the insert, see {@link SlaRegistration}). Nothing here locks: callers hold the ticket's row lock
 * (every ticket change path does; the warnings and recalculation jobs take it before they call).
 */
public final class TicketSlaWriter {

    private final SlaTermsSource terms;

    public TicketSlaWriter(SlaTermsSource terms) {
        this.terms = terms;
    }

    /**
     * A ticket an agent just opened: its terms chosen and its planned times from the registration (a customer's message
     * registers its ticket with them, see {@link SlaRegistration}). Its history is that one moment, so nothing is read
     * of it; a ticket no rule or default covers is left without SLA (no write at all).
     */
    public void registered(Handle handle, long ticketId, Instant now) {
        Current current = new TicketSlaQueries(handle).current(ticketId).orElseThrow();
        atRegistration(handle, current.facts(), current.openPausesStored(), current.warnBefore(), now)
                .ifPresent(row -> new TicketSlaQueries(handle).write(ticketId, row));
    }

    /** The SLA columns of a ticket registered with these facts, in the Open state; empty: no SLA. */
    Optional<TicketSlaRow> atRegistration(Handle handle, TicketFacts facts, Boolean openPausesStored,
                                          Duration warnBefore, Instant now) {
        Optional<SlaTerms> chosen = terms.termsFor(handle, facts);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServiceCalendar> calendar = calendar(handle, chosen.get().calendarId());
        if (calendar.isEmpty()) {
            return Optional.empty();
        }
        Run run = StatusFlags.effectivePausesSla(TicketStatus.OPEN, openPausesStored) ? Run.PAUSED : Run.RUNNING;
        List<Change> history = List.of(new Change(facts.registeredAt(), run));
        TicketSlaRow row = TicketSlaRow.NONE.withTerms(chosen.get());
        return Optional.of(computed(calendar.get(), history, row, TicketStatus.OPEN, row, warnBefore, now));
    }

    /**
     * Rewrites the ticket's SLA from its status history and its current terms (kept as chosen; see {@link #reselect}),
     * keeping a planned resolution time set by hand. For the warnings and recalculation jobs as for every change.
     */
    public void recompute(Handle handle, long ticketId, Instant now) {
        Current current = new TicketSlaQueries(handle).current(ticketId).orElseThrow();
        rewrite(handle, ticketId, current, current.sla(), now);
    }

    /** The type, priority or company changed: the terms are chosen again (or dropped), then everything recomputed. */
    public void reselect(Handle handle, long ticketId, Instant now) {
        Current current = new TicketSlaQueries(handle).current(ticketId).orElseThrow();
        Optional<SlaTerms> chosen = terms.termsFor(handle, current.facts());
        TicketSlaRow before = current.sla();
        TicketSlaRow target = chosen.map(before::withTerms)
                .orElseGet(() -> TicketSlaRow.NONE.withRespondedAt(before.respondedAt())
                        .withResolutionByHand(before.byHand() ? before.resolutionDueAt() : null));
        rewrite(handle, ticketId, current, target, now);
    }

    /**
     * The response is met now (an employee's public reply or status change), unless it was already; then the clocks
     * are read again. A ticket without SLA keeps the moment too, for terms chosen later.
     */
    public void responded(Handle handle, long ticketId, Instant at) {
        Current current = new TicketSlaQueries(handle).current(ticketId).orElseThrow();
        if (current.sla().respondedAt() != null) {
            return;
        }
        rewrite(handle, ticketId, current, current.sla().withRespondedAt(at), at);
    }

    /**
     * The ticket's status changed (the event recorded): the clocks are read again from the history; a change by an
     * employee also meets the response.
     */
    public void statusChanged(Handle handle, long ticketId, boolean byEmployee, Instant now) {
        Current current = new TicketSlaQueries(handle).current(ticketId).orElseThrow();
        TicketSlaRow target = byEmployee && current.sla().respondedAt() == null
                ? current.sla().withRespondedAt(now) : current.sla();
        rewrite(handle, ticketId, current, target, now);
    }

    /** An agent set the planned resolution time by hand (kept and marked); null returns to the computed time. */
    public void resolutionDueByHand(Handle handle, long ticketId, Instant dueAt, Instant now) {
        Current current = new TicketSlaQueries(handle).current(ticketId).orElseThrow();
        rewrite(handle, ticketId, current, current.sla().withResolutionByHand(dueAt), now);
    }

    private void rewrite(Handle handle, long ticketId, Current current, TicketSlaRow target, Instant now) {
        TicketSlaQueries queries = new TicketSlaQueries(handle);
        Optional<ServiceCalendar> calendar = target.calendarId() == null ? Optional.empty()
                : calendar(handle, target.calendarId());
        TicketSlaRow next;
        if (calendar.isEmpty()) {
            // No terms (or their calendar is gone): no clock. A response and a time set by hand are kept.
            next = new TicketSlaRow(null, null, null, null, null, null, target.byHand() ? target.resolutionDueAt() : null,
                    target.byHand() ? Boolean.TRUE : null, target.respondedAt(), null, null, null, null, null, null);
        } else {
            List<Change> history = history(queries.history(ticketId), current);
            next = computed(calendar.get(), history, target, TicketStatus.fromWire(current.status()), current.sla(),
                    current.warnBefore(), now);
        }
        if (!next.equals(current.sla())) {
            queries.write(ticketId, next);
        }
    }

    /**
     * The row the clocks give: planned times, pause, figures, the nearest due time and when the warnings job looks
     * (when a planned time, the pause or the response changed: at the first warning or breach notice planned, so the
     * job reads the ticket only when it has something to send; else where the job left it).
     */
    private static TicketSlaRow computed(ServiceCalendar calendar, List<Change> history, TicketSlaRow target,
                                         TicketStatus status, TicketSlaRow before, Duration warnBefore, Instant now) {
        Reading reading = SlaClock.read(calendar, history, target.responseSeconds(), target.resolutionSeconds(),
                target.respondedAt(), target.byHand() ? target.resolutionDueAt() : null, now);
        Long responseWorking = null;
        Long responseDiff = null;
        if (target.respondedAt() != null && target.responseSeconds() != null) {
            responseWorking = reading.responseWorkingSeconds();
            responseDiff = target.responseSeconds() - responseWorking;
        }
        // The resolution figures are stored when the ticket is resolved (or closed) and kept while it is open again.
        Long resolutionWorking = target.resolutionWorkingSeconds();
        Long resolutionDiff = target.resolutionDiffSeconds();
        if (!status.isOpenType() && target.resolutionSeconds() != null) {
            resolutionWorking = reading.resolutionWorkingSeconds();
            resolutionDiff = target.resolutionSeconds() - resolutionWorking;
        }
        boolean paused = reading.paused();
        boolean changed = !Objects.equals(reading.responseDueAt(), before.responseDueAt())
                || !Objects.equals(reading.resolutionDueAt(), before.resolutionDueAt())
                || !Objects.equals(paused, before.paused())
                || !Objects.equals(target.respondedAt(), before.respondedAt());
        Instant alertAt = reading.nearestDueAt() == null ? null
                : changed || before.alertAt() == null ? SlaNoticePlan.firstLook(SlaNoticePlan.of(paused || !status.isOpenType(),
                        reading.responseDueAt(), target.respondedAt(), reading.resolutionDueAt(), calendar, warnBefore), now)
                : before.alertAt();
        return new TicketSlaRow(target.ruleId(), target.calendarId(), target.responseSeconds(), target.resolutionSeconds(),
                paused, reading.responseDueAt(), reading.resolutionDueAt(), target.byHand() ? Boolean.TRUE : null,
                target.respondedAt(), responseWorking, responseDiff, resolutionWorking, resolutionDiff,
                reading.nearestDueAt(), alertAt);
    }

    /**
     * The history as the clock reads it: from the registration, each status change with the pause flag recorded then
     * (older events without one: the base state's default); Resolved and Closed stop.
     */
    private static List<Change> history(List<TicketSlaQueries.StatusEntry> entries, Current current) {
        List<Change> changes = new ArrayList<>();
        Instant registered = current.facts().registeredAt();
        if (entries.isEmpty() || entries.get(0).at().isAfter(registered)) {
            changes.add(new Change(registered, StatusFlags.defaultPausesSla(TicketStatus.OPEN) ? Run.PAUSED : Run.RUNNING));
        }
        for (TicketSlaQueries.StatusEntry entry : entries) {
            TicketStatus base = TicketStatus.fromWire(entry.toStatus());
            Run run = !base.isOpenType() ? Run.STOPPED
                    : StatusFlags.effectivePausesSla(base, entry.pausesSla()) ? Run.PAUSED : Run.RUNNING;
            changes.add(new Change(entry.at(), run));
        }
        return changes;
    }

    private static Optional<ServiceCalendar> calendar(Handle handle, long calendarId) {
        return new CalendarQueries(handle).find(calendarId).map(StoredCalendar::calendar);
    }
}
