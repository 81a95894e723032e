package io.supporthub.hub.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Names and subjects are one bounded line that cannot reorder the page; long message texts are kept whole. */
class NamesAndLengthsTest {

    private static final String RLO = "\u202E";
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void inboundMessage_keepsItsLongTextWhole_butCutsAndCleansTheSubjectAndTheCustomersName() {
        String text = "All the details.\n".repeat(5_000) + "The end.";
        TestHub.Response inbound = hub.request("POST", "/api/inbound", Map.of(
                "from", Map.of("name", RLO + "Mallory " + "Longname".repeat(30), "email", "mallory@example.com"),
                "externalId", "len-1", "text", text, "subject", "Invoice" + RLO + "fdp.exe " + "very ".repeat(80)),
                Map.of("X-Api-Key", TestHub.API_KEY));
        JsonNode ticket = hub.get("/api/tickets/" + inbound.json().get("ticketId").asLong()).json();
        String stored = ticket.get("messages").get(0).get("text").asText();
        assertThat(stored.length()).isEqualTo(text.length());
        assertThat(stored.equals(text)).as("the whole text as written").isTrue();
        assertThat(ticket.get("subject").asText()).startsWith("Invoicefdp.exe very").endsWith("…").doesNotContain(RLO);
        assertThat(ticket.get("contact").get("name").asText()).startsWith("Mallory Longname").endsWith("…")
                .hasSizeLessThanOrEqualTo(120).doesNotContain(RLO);
    }

    @Test
    void namesAndSubjectsAgentsSet_areCleanedAndCut() {
        TestHub.Response opened = hub.post("/api/tickets", Map.of("subject", "Call\u2066back\u2069\n" + "x".repeat(300),
                "contact", Map.of("name", "Ann" + RLO + " Lee", "email", "ann-len@example.com")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("subject").asText()).startsWith("Callback x").endsWith("…").hasSizeLessThanOrEqualTo(250);
        assertThat(opened.json().get("contact").get("name").asText()).isEqualTo("Ann Lee");

        long ticketId = opened.json().get("id").asLong();
        assertThat(hub.patch("/api/tickets/" + ticketId, Map.of("subject", RLO + "Renamed")).json().get("subject").asText())
                .isEqualTo("Renamed");
        // a name stored before names were cleaned is isolated on the page, so it cannot reorder what follows it
        hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createUpdate(
                "update ticket set subject = :subject where id = :id").bind("subject", "Old" + RLO + "subject")
                .bind("id", ticketId).execute());
        assertThat(hub.get("/tickets/" + ticketId).body())
                .contains("<h1 id=\"ticket-subject\"><bdi>Old" + RLO + "subject</bdi></h1>");
        assertThat(hub.get("/").body()).contains("<bdi>Old" + RLO + "subject</bdi>").contains("<bdi>Ann Lee</bdi>");

        long agentId = hub.post("/api/agents", Map.of("email", "bidi@test.local", "name", "Ada" + RLO + "nimda",
                "password", "a long enough password")).json().get("id").asLong();
        JsonNode renamed = hub.patch("/api/agents/" + agentId, Map.of("name", "Ada\u202D " + "Lovelace".repeat(30))).json();
        assertThat(renamed.get("name").asText()).startsWith("Ada Lovelace").endsWith("…").hasSizeLessThanOrEqualTo(120);
    }

    @Test
    void repliesAndNotesBeyondTheLimit_areRefusedSayingIt() {
        long ticketId = hub.inbound("len-2", "Bo", "bo-len@example.com", "Hi").json().get("ticketId").asLong();
        String tooLong = "y".repeat(TicketService.MAX_TEXT + 1);
        TestHub.Response reply = hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", tooLong));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("at most 100000");
        assertThat(hub.post("/api/tickets/" + ticketId + "/notes", Map.of("text", tooLong)).status()).isEqualTo(400);
        assertThat(hub.post("/api/tickets/" + ticketId + "/notes", Map.of("text", "z".repeat(TicketService.MAX_TEXT))).status())
                .isEqualTo(201);
    }
}
