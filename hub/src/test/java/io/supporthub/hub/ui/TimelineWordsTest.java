package io.supporthub.hub.ui;

import io.supporthub.hub.ticket.TicketEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's words for each change, for events as they are written now and as older ones were. */
class TimelineWordsTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");
    private static final CatalogLook LOOK = new CatalogLook(Map.of(), Map.of(), List.of(
            Map.of("value", "open", "label", "Open", "color", "#000"),
            Map.of("value", "resolved", "label", "Resolved", "color", "#000"),
            Map.of("value", "closed", "label", "Closed", "color", "#000"),
            Map.of("value", "postponed", "label", "Postponed", "color", "#000")));

    private static String what(String kind, String actor, String from, String to, String detail) {
        return TimelineRow.of(new TicketEvent(1, kind, actor, "agent".equals(actor) ? 7L : null,
                "agent".equals(actor) ? "Ann" : null, from, to, detail, AT), LOOK, ZoneOffset.UTC).what();
    }

    private static String updated(String detail) {
        return what("updated", "agent", null, null, detail);
    }

    @Test
    void updates_nameEachFieldFromAndTo() {
        assertThat(updated("{\"priority\":{\"from\":\"normal\",\"to\":\"high\"}}")).isEqualTo("changed priority normal → high");
        assertThat(updated("{\"type\":{\"from\":null,\"to\":\"Question\"}}")).isEqualTo("changed type — → Question");
        assertThat(updated("{\"assignee\":{\"from\":{\"id\":1,\"name\":\"Ann\"},\"to\":{\"id\":2,\"name\":\"Bob\"}}}"))
                .isEqualTo("changed assignee Ann → Bob");
        assertThat(updated("{\"assignee\":{\"from\":{\"id\":1,\"name\":\"Ann\"},\"to\":null}}"))
                .isEqualTo("changed assignee Ann → —");
        assertThat(updated("{\"subject\":{\"from\":\"help\",\"to\":\"Parcel lost\"}}"))
                .isEqualTo("changed subject “help” → “Parcel lost”");
        assertThat(updated("{\"group\":{\"from\":\"First line\",\"to\":\"Billing\"},"
                + "\"assignee\":{\"from\":null,\"to\":{\"id\":2,\"name\":\"Bob\"}},\"priority\":{\"from\":\"low\",\"to\":\"urgent\"}}"))
                .as("in a fixed order, whatever the JSON's")
                .isEqualTo("changed assignee — → Bob, group First line → Billing, priority low → urgent");
    }

    @Test
    void olderUpdates_withOnlyTheNewValues_stillRead() {
        assertThat(updated("{\"priority\":\"high\"}")).isEqualTo("changed priority → high");
        assertThat(updated("{\"assignee\":\"Bob\",\"type\":\"incident\"}")).isEqualTo("changed assignee → Bob, type → incident");
        assertThat(updated("{\"assignee\":null}")).isEqualTo("changed assignee → —");
        assertThat(updated("{\"group\":5}")).as("an old group change held only an id").isEqualTo("changed the group");
        assertThat(updated("{\"handedOverFrom\":\"Lea\",\"assignee\":\"Bob\"}")).isEqualTo("handed over Lea's ticket: assignee → Bob");
        assertThat(updated(null)).isEqualTo("updated the ticket");
    }

    @Test
    void postponing_namesTheTime_andOtherStatusChangesTheStates() {
        assertThat(what("status_changed", "agent", "open", "postponed", "{\"until\":\"2026-12-03T09:00:00Z\"}"))
                .isEqualTo("postponed until 3 Dec 09:00 UTC");
        // In the viewer's zone: an agent in Paris reads 10:00 Paris.
        assertThat(TimelineRow.of(new TicketEvent(1, "status_changed", "agent", 7L, "Ann", "open", "postponed",
                "{\"until\":\"2026-12-03T09:00:00Z\"}", AT), LOOK, java.time.ZoneId.of("Europe/Paris")).what())
                .isEqualTo("postponed until 3 Dec 10:00 Paris");
        assertThat(what("status_changed", "agent", "open", "resolved", null)).isEqualTo("changed status Open → Resolved");
        // The custom statuses the event recorded, not only their base states.
        assertThat(what("status_changed", "agent", "open", "pending",
                "{\"toCustomStatus\":{\"id\":9,\"name\":\"Waiting for parts\"},\"pausesSla\":true}"))
                .isEqualTo("changed status Open → Waiting for parts");
        assertThat(what("status_changed", "customer", "open", "open",
                "{\"fromCustomStatus\":{\"id\":4,\"name\":\"On hold\"},\"pausesSla\":false}"))
                .isEqualTo("changed status On hold → Open");
        assertThat(what("status_changed", "agent", "open", "postponed", null))
                .as("no time recorded").isEqualTo("changed status Open → Postponed");
    }

    @Test
    void escalation_namesTheGroupAndTheReason_andSendBackWhomItReturnsTo() {
        assertThat(what("escalated", "agent", null, null,
                "{\"line\":2,\"toGroup\":{\"id\":2,\"name\":\"Second line\"},\"reason\":\"refund needs approval\"}"))
                .isEqualTo("escalated to Second line: refund needs approval");
        assertThat(what("escalated", "agent", null, null, null)).as("older: no group").isEqualTo("escalated to the second line");
        assertThat(what("sent_back", "agent", null, null,
                "{\"line\":1,\"toGroup\":{\"id\":1,\"name\":\"First line\"},\"assignee\":{\"id\":7,\"name\":\"Ann\"}}"))
                .isEqualTo("sent back to First line (back to Ann, who escalated it)");
        assertThat(what("sent_back", "agent", null, null,
                "{\"line\":1,\"toGroup\":{\"id\":1,\"name\":\"First line\"},\"escalatedBy\":{\"id\":7,\"name\":\"Ann\"}}"))
                .isEqualTo("sent back to First line (unassigned: Ann, who escalated it, is disabled)");
        assertThat(what("sent_back", "agent", null, null, "{\"toGroup\":{\"id\":1,\"name\":\"First line\"}}"))
                .isEqualTo("sent back to First line");
    }

    @Test
    void reopening_saysHowLongAfterResolution_andWhereTheTicketWent() {
        assertThat(what("reopened", "customer", "resolved", "open", "{\"by\":\"message\",\"afterSeconds\":190000}"))
                .isEqualTo("reopened: the customer wrote 2 days after resolution");
        assertThat(what("reopened", "customer", "closed", "open", "{\"by\":\"message\",\"afterSeconds\":3600,"
                + "\"droppedAssignee\":{\"id\":7,\"name\":\"Ann\"}}"))
                .isEqualTo("reopened: the customer wrote 1 hour after it was closed; unassigned, as Ann is disabled");
        assertThat(what("reopened", "customer", "resolved", "open", "{\"by\":\"not_solved\",\"afterSeconds\":120}"))
                .isEqualTo("reopened: the customer said it was not solved, 2 minutes after resolution");
        assertThat(what("reopened", "agent", "resolved", "open", "{\"by\":\"agent\",\"afterSeconds\":30}"))
                .isEqualTo("reopened (Resolved → Open)");
        assertThat(what("reopened", "customer", "resolved", "open", null)).as("older: no detail")
                .isEqualTo("reopened (Resolved → Open)");
        assertThat(TimelineRow.words(59)).isEqualTo("under a minute");
    }

    @Test
    void taking_saysWhy_andFromWhom() {
        assertThat(what("took", "agent", null, null, "{\"reason\":\"replied\",\"assignee\":{\"id\":7,\"name\":\"Ann\"}}"))
                .isEqualTo("took the ticket (replied while unassigned)");
        assertThat(what("took", "agent", null, null, "{\"reason\":\"resolved\"}"))
                .isEqualTo("took the ticket (resolved while unassigned)");
        assertThat(what("took", "agent", null, null, "{\"reason\":\"take\",\"from\":{\"id\":3,\"name\":\"Bob\"}}"))
                .isEqualTo("took the ticket from Bob");
        assertThat(what("took", "agent", null, null, "{\"reason\":\"take\"}")).isEqualTo("took the ticket");
        TimelineRow row = TimelineRow.of(new TicketEvent(1, "took", "agent", 7L, "Ann", null, null, "{\"reason\":\"take\"}", AT), LOOK, ZoneOffset.UTC);
        assertThat(row.who()).isEqualTo("Ann");
        assertThat(row.time()).isEqualTo("3 Dec 09:00 UTC");
    }
}
