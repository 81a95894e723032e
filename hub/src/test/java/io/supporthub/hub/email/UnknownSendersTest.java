package io.supporthub.hub.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch "create contacts for unknown senders": on by default; off, a mail from an address that is no contact's is
 * kept aside whole (nothing dropped) while known senders' mail still makes tickets, and Accept makes the contact and
 * the ticket once.
 */
class UnknownSendersTest {

    private final MailHub mail = new MailHub(Map.of());
    private final TestHub hub = mail.hub;

    @AfterEach
    void stop() {
        mail.close();
    }

    @Test
    void onByDefault_andAnAdminTurnsItOffAndOn() {
        assertThat(hub.get("/api/settings").json().get("createContactsForUnknownSenders").asBoolean()).isTrue();
        assertThat(hub.patch("/api/settings", Map.of("createContactsForUnknownSenders", "no")).status()).isEqualTo(400);
        assertThat(hub.patch("/api/settings", Map.of("createContactsForUnknownSenders", false)).json()
                .get("createContactsForUnknownSenders").asBoolean()).isFalse();
        assertThat(hub.get("/api/settings").json().get("createContactsForUnknownSenders").asBoolean()).isFalse();
        assertThat(hub.get("/admin/settings").body()).contains("create-contacts-for-unknown-senders");
    }

    @Test
    void switchedOff_unknownSendersMailIsKeptAside_knownSendersMailMakesATicket_andAcceptMakesContactAndTicketOnce() {
        mail.deliver("known@customer.example", "Before", "I am known.", "k1@customer.example");
        mail.poll();
        hub.patch("/api/settings", Map.of("createContactsForUnknownSenders", false));
        long contactsBefore = count("select count(*) from contact");

        mail.deliver("Una <una@stranger.example>", "Who am I", "A first mail from a stranger.", "u1@stranger.example");
        mail.deliver("known@customer.example", "Again", "Still known.", "k2@customer.example");
        mail.poll();

        assertThat(mail.ticketOfMail("k2@customer.example")).isPositive();
        assertThat(count("select count(*) from contact")).isEqualTo(contactsBefore);
        assertThat(count("select count(*) from message where external_id = 'u1@stranger.example'")).isZero();
        JsonNode kept = hub.get("/api/kept-aside").json().get("items").get(0);
        assertThat(kept.get("unknownSender").asText()).isEqualTo("una@stranger.example");
        assertThat(kept.get("awaitsAcceptance").asBoolean()).isTrue();
        assertThat(kept.get("reason").asText()).startsWith("unknown sender una@stranger.example");
        long id = kept.get("id").asLong();
        String source = new String(Base64.getDecoder().decode(hub.get("/api/kept-aside/" + id).json().get("body").asText()),
                StandardCharsets.UTF_8);
        assertThat(source).contains("A first mail from a stranger.").contains("Message-ID: <u1@stranger.example>");
        assertThat(hub.get("/admin/kept-aside").body()).contains("/api/kept-aside/" + id + "/accept");
        assertThat(hub.post("/api/kept-aside/" + id + "/retry", Map.of()).status()).isEqualTo(409);

        TestHub.Response accepted = hub.post("/api/kept-aside/" + id + "/accept", Map.of());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("outcome").asText()).isEqualTo("stored");
        long ticketId = accepted.json().get("ticketIds").get(0).asLong();
        assertThat(mail.ticketOfMail("u1@stranger.example")).isEqualTo(ticketId);
        assertThat(mail.ticket(ticketId).get("contact").get("name").asText()).isEqualTo("Una");

        TestHub.Response again = hub.post("/api/kept-aside/" + id + "/accept", Map.of());
        assertThat(again.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(again.json().get("ticketIds").get(0).asLong()).isEqualTo(ticketId);
        // The provider bringing the same mail again: the sender is known now, the Message-ID already stored.
        mail.deliver("Una <una@stranger.example>", "Who am I", "A first mail from a stranger.", "u1@stranger.example");
        mail.poll();
        assertThat(count("select count(*) from message where external_id = 'u1@stranger.example'")).isEqualTo(1);
        assertThat(count("select count(*) from contact_address where value = 'una@stranger.example'")).isEqualTo(1);
        assertThat(count("select count(*) from ticket where contact_id = (select contact_id from contact_address "
                + "where value = 'una@stranger.example')")).isEqualTo(1);
        assertThat(count("select count(*) from unprocessed_payload")).isEqualTo(1);

        // Her next mail is a known sender's.
        mail.deliver("una@stranger.example", "More", "Thanks!", "u2@stranger.example");
        mail.poll();
        assertThat(mail.ticketOfMail("u2@stranger.example")).isPositive();
    }

    @Test
    void acceptIsForSeniorsAndAdministrators_andOnlyForMailHeldForItsSender() {
        mail.deliver("x@y.example", "x", "x", "x1@y.example");
        hub.patch("/api/settings", Map.of("createContactsForUnknownSenders", false));
        mail.poll();
        long id = hub.get("/api/kept-aside").json().get("items").get(0).get("id").asLong();
        long specialist = hub.post("/api/agents", Map.of("email", "s@test.local", "name", "Spec", "password",
                "a long enough password s", "role", "specialist")).json().get("id").asLong();
        String token = hub.post("/api/agents/" + specialist + "/token", Map.of()).json().get("token").asText();
        assertThat(hub.request("POST", "/api/kept-aside/" + id + "/accept", Map.of(),
                Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(403);
        assertThat(hub.post("/api/kept-aside/999999/accept", Map.of()).status()).isEqualTo(404);
    }

    private long count(String sql) {
        return hub.app.transactions().read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
