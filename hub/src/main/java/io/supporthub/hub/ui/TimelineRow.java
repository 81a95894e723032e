package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.ticket.TicketEvent;
import io.supporthub.hub.web.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A timeline entry as one readable line that names the change precisely: "priority normal → high", "postponed until
 * 3 Dec 09:00 Paris" (in the viewer's zone), "reopened: the customer wrote 2 days after resolution". Events keep the shape they were written
 * in, so older ones (an {@code updated} event holding only the new values, a reopen without its delay) read too.
 */
public record TimelineRow(String time, String who, String what) {

    /** The fields of an {@code updated} event, in the order the line names them. */
    private static final List<String> FIELDS = List.of("assignee", "group", "type", "priority", "subject", "company");

    static TimelineRow of(TicketEvent event, CatalogLook look, java.time.ZoneId zone) {
        String who = event.actorName() != null ? event.actorName()
                : "customer".equals(event.actor()) ? "Customer" : "agent".equals(event.actor()) ? "An agent" : "System";
        JsonNode detail = detail(event);
        String what = switch (event.kind()) {
            case "created" -> "opened the ticket";
            case "replied" -> "replied";
            case "note" -> "added an internal note";
            case "escalated" -> moved("escalated to ", event, "the second line");
            case "sent_back" -> moved("sent back to ", event, "the first line") + sentBackTo(detail);
            case "moved" -> moved("moved to ", event, "no group");
            case "updated" -> updated(detail);
            case "took" -> took(detail);
            case "reopened" -> reopened(event, detail, look);
            case "rated" -> "rated the support";
            case "notified" -> "was notified";
            case "watch_started" -> "started watching";
            case "watch_stopped" -> "stopped watching";
            case "observer_added" -> "added " + observerName(event) + " as observer";
            case "observer_removed" -> "removed " + observerName(event) + " from the observers";
            case "customer_merged" -> "merged the customer " + detail.path("from").path("name").asText("?")
                    + " into " + detail.path("into").path("name").asText("?");
            default -> Format.label(event.kind());
        };
        if (event.toStatus() != null && !"created".equals(event.kind()) && !"reopened".equals(event.kind())) {
            what = status(event, detail, look, zone);
        }
        return new TimelineRow(Format.dayTime(event.createdAt(), zone), who, what);
    }

    /** "changed status Open → Resolved"; a postponement names its time in the viewer's zone: "postponed until 3 Dec 09:00 Paris". */
    private static String status(TicketEvent event, JsonNode detail, CatalogLook look, java.time.ZoneId zone) {
        Instant until = instant(detail.path("until").asText(null));
        if ("postponed".equals(event.toStatus()) && until != null) {
            return "postponed until " + Format.dayTime(until, zone);
        }
        String from = detail.path("fromCustomStatus").path("name").asText(null);
        String to = detail.path("toCustomStatus").path("name").asText(null);
        return (event.fromStatus() == null ? "set status "
                : "changed status " + (from != null ? from : look.baseLabel(event.fromStatus())) + " → ")
                + (to != null ? to : look.baseLabel(event.toStatus()));
    }

    /** "escalated to Second line: reason", naming the group the event recorded (older events named only a line). */
    private static String moved(String verb, TicketEvent event, String formerLine) {
        JsonNode detail = detail(event);
        String group = detail.path("toGroup").path("name").asText(null);
        String reason = detail.path("reason").asText(null);
        return verb + (group == null ? formerLine : group) + (reason == null ? "" : ": " + reason);
    }

    /** Whom "send back" returned the ticket to: the agent who escalated it, or why not (they are disabled). */
    private static String sentBackTo(JsonNode detail) {
        String assignee = detail.path("assignee").path("name").asText(null);
        if (assignee != null) {
            return " (back to " + assignee + ", who escalated it)";
        }
        String escalatedBy = detail.path("escalatedBy").path("name").asText(null);
        return escalatedBy == null ? "" : " (unassigned: " + escalatedBy + ", who escalated it, is disabled)";
    }

    /**
     * "assignee Ann → Bob, priority normal → high". Each field is {from, to} in events written since; older ones hold
     * the new value only ("priority → high"), and a handover names whose tickets they were.
     */
    private static String updated(JsonNode detail) {
        if (detail.has("company") && detail.size() == 1) {
            String company = detail.path("company").path("name").asText(null);
            return company == null ? "took the ticket off its company" : "set the company to " + company;
        }
        List<String> parts = new ArrayList<>();
        for (String field : FIELDS) {
            JsonNode value = detail.get(field);
            if (value == null) {
                continue;
            }
            if (value.isObject() && (value.has("from") || value.has("to"))) {
                parts.add(field + " " + value(field, value.get("from")) + " → " + value(field, value.get("to")));
            } else if (!"group".equals(field) || !value.isNumber()) {
                parts.add(field + " → " + value(field, value));
            }
        }
        String handedOver = detail.path("handedOverFrom").asText(null);
        String changes = parts.isEmpty() ? null : String.join(", ", parts);
        if (handedOver != null) {
            return "handed over " + handedOver + "'s ticket" + (changes == null ? "" : ": " + changes);
        }
        if (changes == null) {
            return detail.has("group") ? "changed the group" : "updated the ticket";
        }
        return "changed " + changes;
    }

    /** One value of a changed field: a name, "—" for none, a subject in quotes. */
    private static String value(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "—";
        }
        String text = value.isObject() ? value.path("name").asText("—") : value.asText();
        return "subject".equals(field) ? "“" + text + "”" : text;
    }

    /** "took the ticket (replied while unassigned)", "took the ticket from Ann". */
    private static String took(JsonNode detail) {
        String reason = detail.path("reason").asText("");
        String from = detail.path("from").path("name").asText(null);
        return switch (reason) {
            case "replied" -> "took the ticket (replied while unassigned)";
            case "resolved" -> "took the ticket (resolved while unassigned)";
            default -> "took the ticket" + (from == null ? "" : " from " + from);
        };
    }

    /**
     * "reopened: the customer wrote 2 days after resolution", and where it went: back to its assignee, or unassigned
     * when they are disabled. Older reopen events name the status change only.
     */
    private static String reopened(TicketEvent event, JsonNode detail, CatalogLook look) {
        String from = event.fromStatus();
        String after = detail.has("afterSeconds") ? words(detail.path("afterSeconds").asLong()) + " after "
                + ("closed".equals(from) ? "it was closed" : "resolution") : null;
        String by = detail.path("by").asText(null);
        StringBuilder line = new StringBuilder("reopened");
        if ("message".equals(by) && after != null) {
            line.append(": the customer wrote ").append(after);
        } else if ("not_solved".equals(by)) {
            line.append(": the customer said it was not solved").append(after == null ? "" : ", " + after);
        } else {
            line.append(" (").append(look.baseLabel(from)).append(" → ").append(look.baseLabel(event.toStatus())).append(")");
        }
        String dropped = detail.path("droppedAssignee").path("name").asText(null);
        if (dropped != null) {
            line.append("; unassigned, as ").append(dropped).append(" is disabled");
        }
        return line.toString();
    }

    /** "2 days", "3 hours", "5 minutes", "under a minute": a delay in words. */
    static String words(long seconds) {
        for (Map.Entry<String, Long> unit : List.of(Map.entry("day", 86_400L), Map.entry("hour", 3600L),
                Map.entry("minute", 60L))) {
            long count = seconds / unit.getValue();
            if (count >= 1) {
                return count + " " + unit.getKey() + (count == 1 ? "" : "s");
            }
        }
        return "under a minute";
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode detail(TicketEvent event) {
        try {
            return event.detail() == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(event.detail());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static String observerName(TicketEvent event) {
        return detail(event).path("name").asText("someone");
    }
}
