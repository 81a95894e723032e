package io.supporthub.hub.ui;

import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.support.TestHub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Realistic tickets on every channel, so the pages (and their screenshots) look like a working day. */
final class UiFixtures {

    private UiFixtures() {
    }

    static void seed(TestHub hub) {
        long ada = message(hub, ChannelKind.EMAIL, Address.email("ada@example.com"), "Ada Lovelace", "e-1",
                "Hi, I was charged twice for invoice 2231 this morning. Can you refund one of them?", "Invoice 2231 charged twice");
        long grace = message(hub, ChannelKind.TELEGRAM, Address.telegram(5550101), "Grace Hopper", "t-1",
                "Since yesterday the portal says my password is wrong, but I reset it twice.", null);
        hub.post("/api/tickets/" + grace + "/replies", Map.of("text", "Sorry about that! I have reset your account; try again in a minute."));
        long alan = message(hub, ChannelKind.SMS, Address.phone("+447700900123"), "Alan Turing", "s-1",
                "Please send order 7781 to my office instead: 12 Bletchley Road.", null);
        hub.post("/api/tickets/" + alan + "/status", Map.of("status", "pending"));
        long katherine = message(hub, ChannelKind.VIBER, Address.viber("vb-katherine=="), "Katherine Johnson", "v-1",
                "Does the two-year warranty cover the battery?", null);
        hub.patch("/api/tickets/" + katherine, Map.of("assignee", "me", "priority", "high"));
        message(hub, ChannelKind.TELEGRAM, Address.telegram(5550102), "Hedy Lamarr", "t-2",
                "The headset drops the Bluetooth connection every ten minutes. Firmware 2.1.4.", null);
        InboundMessage withFile = new InboundMessage(ChannelKind.EMAIL, Address.email("emmy@uni.example"),
                SenderProfile.named("Emmy Noether"), "e-2", "We would like 40 units for the maths department; is there an education discount?",
                "<p>We would like <b>40 units</b> for the maths department; is there an education discount?</p>",
                "Bulk order for our university", null,
                List.of(new Attachment("quote-request.pdf", "application/pdf", "%PDF-1.4 quote".getBytes(StandardCharsets.UTF_8), false, null)),
                hub.clock.instant(), false, false, List.of());
        hub.app.channelEvents().handle(List.of(withFile));
        hub.clock.advance(Duration.ofMinutes(9));
        hub.drainOutbox();
        if (ada <= 0) {
            throw new IllegalStateException("seeding failed");
        }
    }

    private static long message(TestHub hub, ChannelKind channel, Address from, String name, String id, String text, String subject) {
        InboundMessage message = new InboundMessage(channel, from, SenderProfile.named(name), id, text, null, subject, null,
                List.of(), hub.clock.instant(), false, false, List.of());
        hub.app.channelEvents().handle(List.of(message));
        hub.clock.advance(Duration.ofMinutes(31));
        return hub.app.transactions().read(handle -> handle.createQuery(
                "select m.ticket_id from message m where m.external_id = :id").bind("id", id).mapTo(Long.class).one());
    }
}
