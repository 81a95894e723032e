package io.supporthub.hub.sms;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer notification to a contact with no phone (no email) of their own goes to their ticket's company's first
 * phone (email): SMS through the real Twilio sender to its loopback fake, email through the recording sender.
 */
class CompanyNotificationTest {

    static SmsHub sms;
    static TestHub hub;

    @BeforeAll
    static void start() {
        sms = new SmsHub();
        hub = sms.hub;
        TestHub.Response on = hub.request("PUT", "/api/notifications", Map.of("companyName", "Acme",
                "channels", Map.of("sms", Map.of("ticket_resolved", true), "email", Map.of("ticket_resolved", true))), Map.of());
        assertThat(on.status()).as(on.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        sms.close();
    }

    private static long company(String name, List<String> emails, List<String> phones) {
        TestHub.Response created = hub.post("/api/companies", Map.of("name", name, "emails", emails, "phones", phones));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** An agent opens a ticket on {@code channel} for a contact given by name and one address, in the company. */
    private static long ticket(String channel, Map<String, Object> contact, long companyId) {
        TestHub.Response opened = hub.post("/api/tickets", Map.of("subject", "Called us", "channel", channel, "contact", contact));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long ticketId = opened.json().get("id").asLong();
        assertThat(hub.patch("/api/tickets/" + ticketId, Map.of("companyId", companyId)).status()).isEqualTo(200);
        return ticketId;
    }

    private static void resolve(long ticketId) {
        TestHub.Response resolved = hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        sms.drain();
    }

    @Test
    void an_sms_notification_to_a_contact_without_a_phone_goes_to_the_companys_first_phone() {
        long company = company("Phone Co", List.of(), List.of("+1 415 555 2671", "+14155552672"));
        long ticketId = ticket("sms", Map.of("name", "Mail Only", "email", "mail.only@phoneco.example"), company);

        resolve(ticketId);

        assertThat(sms.sentTo("+14155552671")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("was resolved"));
        assertThat(sms.sentTo("+14155552672")).as("only the first phone").isEmpty();
        assertThat(hub.get("/api/tickets/" + ticketId).json().get("timeline").toString()).contains("\\\"to\\\": \\\"company\\\"");
    }

    @Test
    void an_email_notification_to_a_contact_without_an_email_goes_to_the_companys_first_email() {
        long company = company("Mail Co", List.of("office@mailco.example", "boss@mailco.example"), List.of());
        long ticketId = ticket("email", Map.of("name", "Phone Only", "phone", "+14155552673"), company);
        int before = hub.senders.get(ChannelKind.EMAIL).sent().size();

        resolve(ticketId);

        List<OutboundMessage> sent = hub.senders.get(ChannelKind.EMAIL).sent();
        assertThat(sent).hasSize(before + 1);
        assertThat(sent.get(sent.size() - 1).to().value()).isEqualTo("office@mailco.example");
        assertThat(sent.get(sent.size() - 1).text()).contains("was resolved");
    }

    @Test
    void a_contact_with_a_phone_of_their_own_gets_it_and_a_company_without_one_means_no_notification() {
        long company = company("Both Co", List.of(), List.of("+14155552674"));
        long own = ticket("sms", Map.of("name", "Own Phone", "phone", "+14155552675"), company);
        resolve(own);
        assertThat(sms.sentTo("+14155552675")).hasSize(1);
        assertThat(sms.sentTo("+14155552674")).isEmpty();

        long bare = company("Bare Co", List.of(), List.of());
        long nowhere = ticket("sms", Map.of("name", "No Phone", "email", "no.phone@bare.example"), bare);
        resolve(nowhere);
        assertThat(hub.get("/api/tickets/" + nowhere).json().get("timeline").toString()).doesNotContain("notified");
    }
}
