package io.supporthub.hub.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GenericInboundTest {

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
    void firstMessage_opensTicket_andRedelivery_changesNothing() {
        TestHub.Response first = hub.inbound("form-1", "Ann Lee", "ann@example.com", "My parcel never arrived\nOrder 991");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("outcome").asText()).isEqualTo("new_ticket");
        long ticketId = first.json().get("ticketId").asLong();

        TestHub.Response again = hub.inbound("form-1", "Ann Lee", "ann@example.com", "My parcel never arrived\nOrder 991");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(again.json().get("ticketId").asLong()).isEqualTo(ticketId);

        JsonNode ticket = hub.get("/api/tickets/" + ticketId).json();
        assertThat(ticket.get("subject").asText()).isEqualTo("My parcel never arrived");
        assertThat(ticket.get("messages")).hasSize(1);
        assertThat(ticket.get("contact").get("addresses").get(0).get("value").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void aPassingDatabaseFailure_is503_andTheRedeliveryIsStored() {
        // The database refuses new work for want of resources (53300), as when its connections are used up: the
        // caller is told to try again, not that the hub failed for good.
        hub.database.jdbi().useHandle(handle -> handle.execute("""
                create function refuse_for_a_while() returns trigger language plpgsql as $$
                begin raise exception 'too many connections for now' using errcode = '53300'; end $$;
                create trigger refuse_for_a_while before insert on message for each row execute function refuse_for_a_while();"""));
        TestHub.Response busy;
        try {
            busy = hub.inbound("busy-1", "Cy Okafor", "cy@example.com", "Are you there?");
        } finally {
            hub.database.jdbi().useHandle(handle -> handle.execute(
                    "drop trigger refuse_for_a_while on message; drop function refuse_for_a_while();"));
        }
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.json().get("error").asText()).isEqualTo("unavailable");

        TestHub.Response again = hub.inbound("busy-1", "Cy Okafor", "cy@example.com", "Are you there?");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("outcome").asText()).isEqualTo("new_ticket");
    }

    @Test
    void missingKey_is401_wrongKey_is403() {
        Map<String, Object> body = Map.of("from", Map.of("email", "x@example.com"), "externalId", "k1", "text", "hi");
        assertThat(hub.request("POST", "/api/inbound", body, Map.of()).status()).isEqualTo(401);
        assertThat(hub.request("POST", "/api/inbound", body, Map.of("X-Api-Key", "nope")).status()).isEqualTo(403);
    }

    @Test
    void malformedJson_is400_withMessage() {
        TestHub.Response response = hub.request("POST", "/api/inbound", "{\"from\": ", Map.of("X-Api-Key", TestHub.API_KEY));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("bad_request");
        assertThat(response.json().get("message").asText()).contains("malformed JSON");
    }

    @Test
    void agentReply_goesThroughOutbox_toTheChannel() {
        long ticketId = hub.inbound("form-2", "Bo", "bo@example.com", "Where is my refund?").json().get("ticketId").asLong();
        TestHub.Response reply = hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "It was issued today."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(hub.drainOutbox()).isEqualTo(1);
        assertThat(hub.senders.get(io.supporthub.channels.ChannelKind.EMAIL).sent())
                .anySatisfy(m -> assertThat(m.text()).isEqualTo("It was issued today."));
        JsonNode detail = hub.get("/api/tickets/" + ticketId).json();
        JsonNode out = detail.get("messages").get(1);
        assertThat(out.get("direction").asText()).isEqualTo("out");
        assertThat(out.get("deliveryState").asText()).isEqualTo("sent");
        assertThat(detail.get("firstResponseAt").isNull()).isFalse();
    }
}
