package io.supporthub.hub.notification;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new ticket is acknowledged when an admin turned that on, but never one opened by an auto-reply or a bounce. */
class AcknowledgementTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
        TestHub.Response put = hub.request("PUT", "/api/notifications",
                Map.of("channels", Map.of("email", Map.of("ticket_created", true))), Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static InboundMessage mail(String id, String from, boolean automated) {
        return new InboundMessage(ChannelKind.EMAIL, Address.email(from), SenderProfile.named("Someone"), id,
                "I am out of the office", null, "Subject " + id, null, List.of(), hub.clock.instant(), false, automated, List.of());
    }

    private static long queued(long ticketId) {
        return hub.app.transactions().read(h -> h.createQuery("select count(*) from outbox o join message m on m.id = o.message_id "
                + "where m.ticket_id = :id").bind("id", ticketId).mapTo(Long.class).one());
    }

    @Test
    void personWriting_isAcknowledged() {
        long ticketId = hub.app.inbox().accept(mail("<p1@x>", "person@example.com", false)).ticketId();
        assertThat(queued(ticketId)).isEqualTo(1);
        String thread = hub.get("/api/tickets/" + ticketId).json().get("messages").toString();
        assertThat(thread.indexOf("\"direction\":\"in\"")).as("the customer's message comes first")
                .isLessThan(thread.indexOf("\"direction\":\"out\""));
    }

    @Test
    void autoReply_isNeverAcknowledged() {
        long ticketId = hub.app.inbox().accept(mail("<a1@x>", "robot@example.com", true)).ticketId();
        assertThat(queued(ticketId)).isZero();
    }
}
