package io.supporthub.hub.sla;

import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.calendar.CalendarQueries;
import io.supporthub.hub.calendar.ServiceCalendar;
import io.supporthub.hub.calendar.StoredCalendar;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.db.Transactions;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends SLA warnings and breach notices. Only tickets whose {@code sla_alert_at} has come are read (claimed in batches
 * {@code FOR UPDATE SKIP LOCKED}, each batch one transaction), never a scan of open tickets. For each, what fell due is
 * recorded in {@code sla_notice} and sent only when the record is new: once per ticket, kind and planned-time value,
 * on any number of nodes (a recomputed planned time is a new value, so it warns again). Then {@code sla_alert_at}
 * moves to the next moment something falls due, or to null.
 */
public final class SlaWarnings {

    /** The zone an employee reads times in. */
    @FunctionalInterface
    public interface Zones {
        ZoneId of(Handle handle, long agentId);
    }

    /** What one batch did: tickets claimed, notices sent (each to all its recipients counts once). */
    public record Batch(int claimed, int sent) {
    }

    private final Transactions transactions;
    private final SlaNoticeDelivery delivery;
    private final Zones zones;
    private final Clock clock;
    private final int batchSize;

    public SlaWarnings(Transactions transactions, SlaNoticeDelivery delivery, Zones zones, Clock clock, int batchSize) {
        this.transactions = transactions;
        this.delivery = delivery;
        this.zones = zones;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Batches until one comes back short; returns the notices sent. */
    public int runToEnd() {
        int sent = 0;
        while (true) {
            Batch batch = step();
            sent += batch.sent();
            if (batch.claimed() < batchSize) {
                return sent;
            }
        }
    }

    /** One batch, in one transaction; what goes out (live, mail wake-up) does so after it commits. */
    public Batch step() {
        return transactions.inTransaction((handle, afterCommit) -> {
            Instant now = clock.instant();
            SlaAlertQueries queries = new SlaAlertQueries(handle);
            List<SlaAlertRow> claimed = queries.claim(now, batchSize);
            if (claimed.isEmpty()) {
                return new Batch(0, 0);
            }
            Duration warnBefore = Duration.ofMinutes(SlaWarningSettings.warnBeforeMinutes(handle));
            Map<Long, Optional<ServiceCalendar>> calendars = new HashMap<>();
            int sent = 0;
            for (SlaAlertRow ticket : claimed) {
                Optional<ServiceCalendar> calendar = ticket.calendarId() == null ? Optional.empty()
                        : calendars.computeIfAbsent(ticket.calendarId(),
                        id -> new CalendarQueries(handle).find(id).map(StoredCalendar::calendar));
                if (calendar.isEmpty()) {
                    queries.alertAt(ticket.id(), null);
                    continue;
                }
                SlaNoticePlan.Decision decision = SlaNoticePlan.at(SlaNoticePlan.of(ticket, calendar.get(), warnBefore), now);
                List<Agent> recipients = null;
                for (SlaNoticePlan.Notice notice : decision.toSend()) {
                    if (!queries.record(ticket.id(), notice.kind(), notice.dueAt(), now)) {
                        continue;
                    }
                    if (recipients == null) {
                        recipients = SlaNoticeRecipients.of(handle, ticket);
                    }
                    for (Agent agent : recipients) {
                        String text = SlaNoticeText.of(notice.kind(), ticket.number(), ticket.subject(), notice.dueAt(),
                                now, zones.of(handle, agent.id()));
                        delivery.deliver(handle, agent, ticket.id(), notice.kind(), text, afterCommit);
                    }
                    sent++;
                }
                queries.alertAt(ticket.id(), decision.nextAlertAt());
            }
            return new Batch(claimed.size(), sent);
        });
    }
}
