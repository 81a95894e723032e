package io.supporthub.channels.sms;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioChannelTest {

    private static final String PUBLIC_URL = "https://hub.example.com";
    private final FakeTwilioApi twilio = FakeTwilioApi.start("AC0123456789abcdef0123456789abcdef", "secret-token");
    private final TwilioChannel channel = new TwilioChannel(twilio.settings("+15550001111", PUBLIC_URL), 1 << 20,
            SendRateLimiter.longCode(Clock.systemUTC()), Clock.systemUTC());

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void signedInboundWebhook_isVerifiedParsedAndAnsweredFromTheNumberWrittenTo() throws Exception {
        Map<String, List<String>> form = TwilioForm.of(Map.of("MessageSid", "SM0000000000000000000000000000aaaa",
                "From", "+14155552671", "To", "+15550002222", "Body", "Where is my parcel?", "NumMedia", "0"));
        String signature = TwilioWebhookSigner.sign("secret-token", PUBLIC_URL + TwilioSettings.INBOUND_PATH, form);

        assertThat(channel.verifier().verifyForm(TwilioSettings.INBOUND_PATH, null, form, signature).valid()).isTrue();
        List<ChannelEvent> events = channel.inboundParser().parse(form);
        InboundMessage message = (InboundMessage) events.get(0);
        OutboundMessage reply = new OutboundMessage(1, message.from(), "It left today", null, null, null, null,
                List.of(), List.of(), message.ourAddress());
        SendResult result = channel.sender().send(reply);

        assertThat(result.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(twilio.sentMessages()).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("+15550002222");
            assertThat(m.to()).isEqualTo("+14155552671");
        });
    }

    @Test
    void reconcilerOverTheWholeAccount_findsInboundToAnyNumber() throws Exception {
        twilio.addInbound("+14155552671", "+15550003333", "hello", Instant.parse("2026-11-28T10:00:00Z"));

        List<FetchedPayload> missed = channel.reconciler(List.of())
                .missedSince(Instant.parse("2026-11-28T09:00:00Z"), sid -> false);

        assertThat(missed).singleElement().extracting(m -> m.events().get(0)).isInstanceOfSatisfying(InboundMessage.class,
                m -> assertThat(m.from()).isEqualTo(Address.phone("+14155552671")));
    }
}
