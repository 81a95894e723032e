package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.ticket.TicketEvent;
import io.supporthub.hub.web.Json;

/** A timeline entry as one readable line. */
public record TimelineRow(String time, String who, String what) {

    static TimelineRow of(TicketEvent event, CatalogLook look) {
        String who = event.actorName() != null ? event.actorName()
                : "customer".equals(event.actor()) ? "Customer" : "agent".equals(event.actor()) ? "An agent" : "System";
        String what = switch (event.kind()) {
            case "created" -> "opened the ticket";
            case "replied" -> "replied";
            case "note" -> "added an internal note";
            case "escalated" -> moved("escalated to ", event, "the second line");
            case "sent_back" -> moved("sent back to ", event, "the first line");
            case "moved" -> moved("moved to ", event, "no group");
            case "updated" -> updated(event);
            case "rated" -> "rated the support";
            case "notified" -> "was notified";
            case "watch_started" -> "started watching";
            case "watch_stopped" -> "stopped watching";
            case "observer_added" -> "added " + observerName(event) + " as observer";
            case "observer_removed" -> "removed " + observerName(event) + " from the observers";
            case "customer_merged" -> "merged the customer " + detail(event).path("from").path("name").asText("?")
                    + " into " + detail(event).path("into").path("name").asText("?");
            default -> Format.label(event.kind());
        };
        if (event.toStatus() != null && !"created".equals(event.kind())) {
            what = (event.fromStatus() == null ? "set status " : "changed status " + look.baseLabel(event.fromStatus()) + " → ")
                    + look.baseLabel(event.toStatus());
        }
        return new TimelineRow(Format.dayTime(event.createdAt()), who, what);
    }

    /** "escalated to Second line: reason", naming the group the event recorded (older events named only a line). */
    private static String moved(String verb, TicketEvent event, String formerLine) {
        JsonNode detail = detail(event);
        String group = detail.path("toGroup").path("name").asText(null);
        String reason = detail.path("reason").asText(null);
        return verb + (group == null ? formerLine : group) + (reason == null ? "" : ": " + reason);
    }

    private static JsonNode detail(TicketEvent event) {
        try {
            return event.detail() == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(event.detail());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** "updated assignee, type or priority", or, for a change of company alone, the company it is now for. */
    private static String updated(TicketEvent event) {
        JsonNode detail = detail(event);
        if (detail.has("company") && detail.size() == 1) {
            String company = detail.path("company").path("name").asText(null);
            return company == null ? "took the ticket off its company" : "set the company to " + company;
        }
        return "updated assignee, type or priority";
    }

    private static String observerName(TicketEvent event) {
        return detail(event).path("name").asText("someone");
    }
}
