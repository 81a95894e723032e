package io.supporthub.hub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.calendar.BusinessTime;
import io.supporthub.hub.calendar.CalendarQueries;
import io.supporthub.hub.calendar.StoredCalendar;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What SLA a ticket with these facts would get and its planned times from {@code at} (default now):
 * {@code {"rule": {"id", "name"} | null, "calendar": {"id", "name", "timeZone"}, "responseSeconds",
 * "resolutionSeconds", "responseDueAt", "resolutionDueAt"}} (a standard and its time null when the terms have none),
 * or {@code {"sla": null}} when no rule nor the defaults give one.
 */
public final class SlaPreview {

    private final Transactions transactions;
    private final SlaTermsSource terms;
    private final Clock clock;

    public SlaPreview(Transactions transactions, SlaTermsSource terms, Clock clock) {
        this.transactions = transactions;
        this.terms = terms;
        this.clock = clock;
    }

    public ObjectNode preview(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.invalid("the body must be a JSON object {type?, priority?, companyId?, contactId?, channel?, at?}");
        }
        String type = Json.optText(body, "type");
        String priority = Json.optText(body, "priority");
        Long companyId = Json.optLong(body, "companyId");
        Long contactId = Json.optLong(body, "contactId");
        String channel = channel(Json.optText(body, "channel"));
        Instant at = at(Json.optText(body, "at"));
        return transactions.read(handle -> {
            Long typeId = type == null ? null : id(handle, "select id from ticket_type where lower(name) = lower(:v)", type)
                    .orElseThrow(() -> Refusal.unprocessable("unknown type '" + type + "'"));
            Long priorityId = priority == null ? null
                    : id(handle, "select id from ticket_priority where lower(name) = lower(:v)", priority)
                    .orElseThrow(() -> Refusal.unprocessable("unknown priority '" + priority + "'"));
            Long company = companyId;
            if (company == null && contactId != null) {
                company = handle.createQuery("select company_id from contact where id = :id").bind("id", contactId)
                        .map((rs, ctx) -> (Long) rs.getObject("company_id", Long.class)).findOne()
                        .orElseThrow(() -> Refusal.unprocessable("no contact " + contactId));
            }
            Long category = null;
            if (company != null) {
                long wanted = company;
                category = handle.createQuery("select category_id from company where id = :id").bind("id", wanted)
                        .map((rs, ctx) -> (Long) rs.getObject("category_id", Long.class)).findOne()
                        .orElseThrow(() -> Refusal.unprocessable("no company " + wanted));
            }
            Optional<SlaTerms> chosen = terms.termsFor(handle,
                    new TicketFacts(typeId, priorityId, company, category, channel, at));
            if (chosen.isEmpty()) {
                ObjectNode none = Json.MAPPER.createObjectNode();
                none.putNull("sla");
                return none;
            }
            SlaTerms sla = chosen.get();
            StoredCalendar calendar = new CalendarQueries(handle).find(sla.calendarId()).orElseThrow();
            return answer(sla, calendar, at);
        });
    }

    private static ObjectNode answer(SlaTerms sla, StoredCalendar calendar, Instant at) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (sla.ruleId() == null) {
            node.putNull("rule");
        } else {
            ObjectNode rule = node.putObject("rule");
            rule.put("id", sla.ruleId());
            rule.put("name", sla.ruleName());
        }
        ObjectNode cal = node.putObject("calendar");
        cal.put("id", calendar.id());
        cal.put("name", calendar.calendar().name());
        cal.put("timeZone", calendar.calendar().zone().getId());
        due(node, "response", sla.responseSeconds(), calendar, at);
        due(node, "resolution", sla.resolutionSeconds(), calendar, at);
        return node;
    }

    private static void due(ObjectNode node, String kind, Long seconds, StoredCalendar calendar, Instant at) {
        if (seconds == null) {
            node.putNull(kind + "Seconds");
            node.putNull(kind + "DueAt");
            return;
        }
        node.put(kind + "Seconds", seconds);
        try {
            node.put(kind + "DueAt", BusinessTime.add(calendar.calendar(), at, Duration.ofSeconds(seconds)).toString());
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            // a calendar with working time only on past exception dates cannot serve the budget
            node.putNull(kind + "DueAt");
        }
    }

    private static Optional<Long> id(Handle handle, String sql, String value) {
        return handle.createQuery(sql).bind("v", value).mapTo(Long.class).findOne();
    }

    private static String channel(String wire) {
        if (wire == null) {
            return null;
        }
        try {
            return ChannelKind.fromWire(wire).wireName();
        } catch (IllegalArgumentException e) {
            throw Refusal.unprocessable(e.getMessage());
        }
    }

    private Instant at(String text) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'at' must be an ISO instant such as 2026-12-03T09:00:00Z, not '" + text + "'");
        }
    }
}
