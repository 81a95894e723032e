package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmsNotificationTest {

    static SmsHub sms;

    @BeforeAll
    static void start() {
        sms = new SmsHub();
    }

    @AfterAll
    static void stop() {
        sms.close();
    }

    @BeforeEach
    void allOff() {
        assertThat(sms.hub.request("PUT", "/api/notifications", Map.of(), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void resolve_notifiesTheCustomerBySms_fromTheNumberTheyWroteTo() {
        switchOn(Map.of("ticket_resolved", true), List.of());
        long ticketId = ticketFrom("+14155550201", "SM20000000000000000000000000000001", "+15550003333");
        long number = sms.ticket(ticketId).get("number").asLong();

        resolve(ticketId);
        sms.drain();

        assertThat(sms.sentTo("+14155550201")).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("+15550003333");
            assertThat(m.body()).contains("your request #" + number).contains("was resolved").contains("Acme support");
        });
        JsonNode messages = sms.ticket(ticketId).get("messages");
        assertThat(messages.get(messages.size() - 1).get("automated").asBoolean()).isTrue();
    }

    @Test
    void switchedOff_sendsNothing() {
        long ticketId = ticketFrom("+14155550202", "SM20000000000000000000000000000002", SmsHub.OUR_NUMBER);

        resolve(ticketId);
        sms.drain();

        assertThat(sms.sentTo("+14155550202")).isEmpty();
    }

    @Test
    void internalTicketType_neverNotifies() {
        switchOn(Map.of("ticket_resolved", true, "status_changed", true), List.of("pending"));
        long ticketId = ticketFrom("+14155550203", "SM20000000000000000000000000000003", SmsHub.OUR_NUMBER);
        assertThat(sms.hub.patch("/api/tickets/" + ticketId, Map.of("type", "internal")).status()).isEqualTo(200);

        sms.hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "pending"));
        resolve(ticketId);
        sms.drain();

        assertThat(sms.sentTo("+14155550203")).isEmpty();
    }

    @Test
    void newTicket_isAcknowledgedWithItsNumber() {
        switchOn(Map.of("ticket_created", true), List.of());
        long ticketId = ticketFrom("+14155550204", "SM20000000000000000000000000000004", SmsHub.OUR_NUMBER);
        long number = sms.ticket(ticketId).get("number").asLong();

        sms.drain();

        assertThat(sms.sentTo("+14155550204")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("we have received your request #" + number));
    }

    @Test
    void pickedStatusesOnly_notify_inTheCustomersLanguage() {
        switchOn(Map.of("status_changed", true), List.of("pending"));
        long ticketId = ticketFrom("+14155550205", "SM20000000000000000000000000000005", SmsHub.OUR_NUMBER);
        sms.hub.app.transactions().inTransaction((handle, afterCommit) -> handle.createUpdate(
                "update contact set language = 'fr-CA' where id = (select contact_id from ticket where id = :id)")
                .bind("id", ticketId).execute());

        sms.hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "awaiting_reply"));
        sms.drain();
        assertThat(sms.sentTo("+14155550205")).isEmpty();

        sms.hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "pending"));
        sms.drain();
        assertThat(sms.sentTo("+14155550205")).singleElement()
                .satisfies(m -> assertThat(m.body()).startsWith("Bonjour").contains("En attente"));
    }

    @Test
    void adminOverride_replacesTheDefaultText() {
        TestHub.Response saved = sms.hub.request("PUT", "/api/notifications", Map.of(
                "channels", Map.of("sms", Map.of("ticket_resolved", true)),
                "texts", Map.of("en", Map.of("notify.resolved.text", "Done: #{{ticket.number}}, {{customer.name}}!"))),
                Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        long ticketId = ticketFrom("+14155550206", "SM20000000000000000000000000000006", SmsHub.OUR_NUMBER);
        long number = sms.ticket(ticketId).get("number").asLong();

        resolve(ticketId);
        sms.drain();

        assertThat(sms.sentTo("+14155550206")).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("Done: #" + number + ", !"));
    }

    @Test
    void settings_roundTrip_andBadInputIsRefusedClearly() {
        switchOn(Map.of("ticket_resolved", true), List.of("pending"));
        JsonNode shown = sms.hub.get("/api/notifications").json();
        assertThat(shown.get("companyName").asText()).isEqualTo("Acme");
        assertThat(shown.get("channels").get("sms").get("ticket_resolved").asBoolean()).isTrue();
        assertThat(shown.get("channels").get("email").get("ticket_resolved").asBoolean()).isFalse();
        assertThat(shown.get("statuses")).extracting(JsonNode::asText).containsExactly("pending");
        assertThat(shown.get("defaults").get("fr").get("notify.resolved.text").asText()).startsWith("Bonjour");

        assertThat(put(Map.of("channels", Map.of("sms", Map.of("ticket_deleted", true)))).json().get("message").asText())
                .contains("unknown notification 'ticket_deleted'");
        assertThat(put(Map.of("statuses", List.of("waiting"))).json().get("message").asText())
                .contains("'waiting'");
        assertThat(put(Map.of("texts", Map.of("en", Map.of("notify.resolved.text", "{{> partial}}")))).status())
                .isEqualTo(400);
        assertThat(put(Map.of("texts", Map.of("en", Map.of("notify.resolved.text", "{{customer.name.bytes}}"))))
                .json().get("message").asText()).contains("unknown variable 'customer.name.bytes'");
    }

    private static TestHub.Response put(Map<String, Object> body) {
        TestHub.Response response = sms.hub.request("PUT", "/api/notifications", body, Map.of());
        assertThat(response.status()).isEqualTo(400);
        return response;
    }

    private static void switchOn(Map<String, Boolean> sms, List<String> statuses) {
        TestHub.Response response = SmsNotificationTest.sms.hub.request("PUT", "/api/notifications", Map.of(
                "companyName", "Acme", "channels", Map.of("sms", sms), "statuses", statuses), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static long ticketFrom(String customer, String sid, String ourNumber) {
        assertThat(sms.inbound(sid, customer, ourNumber, "Please help").status()).isEqualTo(200);
        return sms.ticketOf(sid);
    }

    private static void resolve(long ticketId) {
        TestHub.Response response = sms.hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
