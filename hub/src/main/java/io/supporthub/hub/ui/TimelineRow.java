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
            case "escalated" -> "escalated to the second line";
            case "sent_back" -> "sent back to the first line";
            case "updated" -> "updated assignee, type or priority";
            case "rated" -> "rated the support";
            case "notified" -> "was notified";
            case "watch_started" -> "started watching";
            case "watch_stopped" -> "stopped watching";
            case "observer_added" -> "added " + observerName(event) + " as observer";
            case "observer_removed" -> "removed " + observerName(event) + " from the observers";
            default -> Format.label(event.kind());
        };
        if (event.toStatus() != null && !"created".equals(event.kind())) {
            what = (event.fromStatus() == null ? "set status " : "changed status " + look.baseLabel(event.fromStatus()) + " → ")
                    + look.baseLabel(event.toStatus());
        }
        return new TimelineRow(Format.dayTime(event.createdAt()), who, what);
    }

    private static String observerName(TicketEvent event) {
        try {
            JsonNode detail = event.detail() == null ? null : Json.MAPPER.readTree(event.detail());
            return detail != null && detail.hasNonNull("name") ? detail.get("name").asText() : "someone";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "someone";
        }
    }
}
