package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmsConversationTest {

    static SmsHub sms;

    @BeforeAll
    static void start() {
        sms = new SmsHub();
    }

    @AfterAll
    static void stop() {
        sms.close();
    }

    @Test
    void reply_goesOutFromTheNumberTheCustomerWroteTo() {
        sms.inbound("SM10000000000000000000000000000001", "+14155550101", "+15550002222", "Hi, second line here");
        long ticketId = sms.ticketOf("SM10000000000000000000000000000001");

        sms.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Hello from support"));
        sms.drain();

        assertThat(sms.sentTo("+14155550101")).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("+15550002222");
            assertThat(m.body()).isEqualTo("Hello from support");
            assertThat(m.statusCallback()).isEqualTo(SmsHub.PUBLIC_URL + "/webhooks/twilio/status");
        });
    }

    @Test
    void agentStartedConversation_goesOutFromTwilioFrom() {
        TestHub.Response opened = sms.hub.post("/api/tickets", Map.of("subject", "Your refund",
                "text", "Your refund was issued.", "channel", "sms", "contact", Map.of("phone", "+1 415 555 0102")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        sms.drain();

        assertThat(sms.sentTo("+14155550102")).singleElement()
                .satisfies(m -> assertThat(m.from()).isEqualTo(SmsHub.OUR_NUMBER));
    }

    @Test
    void invalidNumber_isRefusedWithAClearMessage() {
        TestHub.Response response = sms.hub.post("/api/tickets", Map.of("subject", "Hello", "text", "Hi",
                "channel", "sms", "contact", Map.of("phone", "+1 555")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("'+1 555' is not a valid phone number");
    }

    @Test
    void numberTwilioRefuses_failsTheMessageWithTwilioReason() {
        sms.inbound("SM10000000000000000000000000000003", "+14155550103", SmsHub.OUR_NUMBER, "Text me back");
        long ticketId = sms.ticketOf("SM10000000000000000000000000000003");
        sms.twilio.failNextCreate(400, 21211, "The 'To' number +14155550103 is not a valid phone number.");

        sms.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Sure"));
        sms.drain();

        JsonNode messages = sms.ticket(ticketId).get("messages");
        JsonNode reply = messages.get(messages.size() - 1);
        assertThat(reply.get("deliveryState").asText()).isEqualTo("failed");
        assertThat(reply.get("deliveryError").asText()).contains("+14155550103 cannot receive SMS");
    }

    @Test
    void stop_makesRepliesRefusedWithTheReason_andStartAllowsThemAgain() {
        String customer = "+14155550104";
        sms.inbound("SM10000000000000000000000000000004", customer, SmsHub.OUR_NUMBER, "Where is my parcel?");
        long ticketId = sms.ticketOf("SM10000000000000000000000000000004");
        sms.inbound("SM10000000000000000000000000000005", customer, SmsHub.OUR_NUMBER, "STOP");

        TestHub.Response refused = sms.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "It left today"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("message").asText()).contains("opted out by replying STOP");
        JsonNode address = sms.ticket(ticketId).get("contact").get("addresses").get(0);
        assertThat(address.get("reachable").asBoolean()).isFalse();
        assertThat(address.get("unreachableReason").asText()).isEqualTo("opted out by replying STOP");

        sms.inbound("SM10000000000000000000000000000006", customer, SmsHub.OUR_NUMBER, "START");
        TestHub.Response allowed = sms.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "It left today"));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        sms.drain();
        assertThat(sms.sentTo(customer)).extracting(m -> m.body()).containsExactly("It left today");
    }

    @Test
    void twilioSaysUnsubscribed_marksTheAddressUnreachable() {
        String customer = "+14155550105";
        sms.inbound("SM10000000000000000000000000000007", customer, SmsHub.OUR_NUMBER, "hello");
        long ticketId = sms.ticketOf("SM10000000000000000000000000000007");
        sms.twilio.optOut(customer);

        sms.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Hi"));
        sms.drain();

        JsonNode address = sms.ticket(ticketId).get("contact").get("addresses").get(0);
        assertThat(address.get("reachable").asBoolean()).isFalse();
        assertThat(address.get("unreachableReason").asText()).contains("opted out");
    }

    @Test
    void smsFromAnEmailTicket_fillsTheTemplate_andGoesToTheContactsPhone() {
        TestHub.Response inbound = sms.hub.request("POST", "/api/inbound", Map.of("from",
                        Map.of("name", "Ann Lee", "email", "ann@example.com", "phone", "+14155550106"),
                        "externalId", "form-77", "text", "Loan application", "subject", "Loan application"),
                Map.of("X-Api-Key", TestHub.API_KEY));
        long ticketId = inbound.json().get("ticketId").asLong();
        long number = inbound.json().get("ticketNumber").asLong();

        TestHub.Response sent = sms.hub.post("/api/tickets/" + ticketId + "/sms",
                Map.of("text", "Hello {{customer.name}}, your loan (request #{{ticket.number}}) was approved."));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String expected = "Hello Ann Lee, your loan (request #" + number + ") was approved.";
        assertThat(sent.json().get("text").asText()).isEqualTo(expected);
        assertThat(sent.json().get("segments").get("segments").asInt()).isEqualTo(1);
        sms.drain();
        assertThat(sms.sentTo("+14155550106")).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(expected));

        TestHub.Response refused = sms.hub.post("/api/tickets/" + ticketId + "/sms",
                Map.of("text", "Your code {{customer.name.bytes}}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("unknown variable 'customer.name.bytes'");
    }

    @Test
    void segments_areCountedForTheAgent() {
        JsonNode gsm = sms.hub.get("/api/sms/segments?text=" + "a".repeat(161)).json();
        assertThat(gsm.get("encoding").asText()).isEqualTo("gsm7");
        assertThat(gsm.get("segments").asInt()).isEqualTo(2);
        assertThat(gsm.get("units").asInt()).isEqualTo(161);

        JsonNode unicode = sms.hub.get("/api/sms/segments?text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82").json();
        assertThat(unicode.get("encoding").asText()).isEqualTo("ucs2");
        assertThat(unicode.get("segments").asInt()).isEqualTo(1);
        assertThat(unicode.get("ucs2Because").asText()).isEqualTo("П");
        assertThat(gsm.has("ucs2Because")).isFalse();

        // A typographic apostrophe in an otherwise plain text is named, so the agent can type ' instead.
        JsonNode quote = sms.hub.get("/api/sms/segments?text=" + java.net.URLEncoder.encode("We’re on it",
                java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(quote.get("encoding").asText()).isEqualTo("ucs2");
        assertThat(quote.get("ucs2Because").asText()).isEqualTo("’");
        assertThat(quote.get("ucs2BecauseCode").asText()).isEqualTo("U+2019");
    }

    @Test
    void reconciliation_importsAMissedMessageOnce() throws Exception {
        Instant sentAt = sms.hub.clock.instant().minus(Duration.ofMinutes(30));
        String sid = sms.twilio.addInbound("+14155550107", SmsHub.OUR_NUMBER, "Did you get this?", sentAt);
        SmsReconciliation reconciliation = sms.hub.app.smsReconciliation().orElseThrow();

        assertThat(reconciliation.run()).isEqualTo(1);
        assertThat(reconciliation.run()).isZero();

        JsonNode ticket = sms.ticket(sms.ticketOf(sid));
        assertThat(ticket.get("messages")).singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).isEqualTo("Did you get this?"));
        assertThat(sms.count("select count(*) from setting where key = 'sms.reconciliation'")).isEqualTo(1);
    }
}
