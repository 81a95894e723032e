package io.supporthub.hub.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.util.Map;

/** An event of a contact's history ({@code client_event}) as one readable line of the card. */
record ClientEventRow(String kind, String time, String who, String what) {

    @SuppressWarnings("unchecked")
    static ClientEventRow of(Map<String, Object> event, long cardId) {
        Map<String, Object> actor = (Map<String, Object>) event.get("actor");
        String who = actor == null ? "System" : String.valueOf(actor.get("name"));
        JsonNode detail = event.get("detail") instanceof JsonNode node ? node : MissingNode.getInstance();
        String kind = String.valueOf(event.get("kind"));
        String what = switch (kind) {
            case "created" -> "created the contact";
            case "renamed" -> "renamed it from “" + text(detail.path("from")) + "” to “" + text(detail.path("to")) + "”";
            case "company_changed" -> detail.path("to").isObject()
                    ? "put it in the company " + detail.path("to").path("name").asText() : "made it a private person";
            case "manager_changed" -> detail.path("to").isObject()
                    ? "made " + detail.path("to").path("name").asText() + " its manager" : "removed its manager";
            case "observers_changed" -> "changed its observers";
            case "notes_changed" -> "changed the notes";
            case "address_added" -> "added the " + detail.path("kind").asText() + " " + detail.path("value").asText();
            case "address_removed" -> "removed the " + detail.path("kind").asText() + " " + detail.path("value").asText();
            case "merged" -> detail.path("from").path("id").asLong() == cardId
                    ? "merged it into " + detail.path("into").path("name").asText() + " (#" + detail.path("into").path("id").asLong() + ")"
                    : "merged " + detail.path("from").path("name").asText() + " (#" + detail.path("from").path("id").asLong()
                    + ") into it: " + detail.path("addresses").asInt() + " address(es), " + detail.path("tickets").asInt() + " ticket(s)";
            case "imported" -> "imported the contact from a file";
            case "updated_by_import" -> "updated it from an imported file";
            case "company_by_domain" -> "put it in its company by the authenticated mail domain " + detail.path("domain").asText();
            default -> Format.label(kind);
        };
        return new ClientEventRow(kind, Format.dayTime((Instant) event.get("createdAt")), who, what);
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "no name" : node.asText();
    }
}
