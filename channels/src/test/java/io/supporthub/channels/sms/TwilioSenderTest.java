package io.supporthub.channels.sms;

import io.supporthub.channels.Address;
import io.supporthub.channels.Attachment;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.channels.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TwilioSenderTest {

    private static final String OUR_NUMBER = "+15550001111";
    private final FakeTwilioApi twilio = FakeTwilioApi.start("AC0123456789abcdef0123456789abcdef", "secret-token");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final TwilioSettings settings = twilio.settings(OUR_NUMBER, "https://hub.example.com");
    private final TwilioSender sender = new TwilioSender(settings, new SendRateLimiter(100, 100, clock));

    @AfterEach
    void stop() {
        twilio.close();
    }

    private static OutboundMessage sms(String to, String text) {
        return OutboundMessage.text(7, Address.phone(to), text);
    }

    @Test
    void send_createsAMessageFromTheConfiguredNumber_andReturnsItsSid() throws Exception {
        SendResult result = sender.send(sms("+14155552671", "Your refund was issued."));

        assertThat(twilio.sentMessages()).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("+14155552671");
            assertThat(m.from()).isEqualTo(OUR_NUMBER);
            assertThat(m.body()).isEqualTo("Your refund was issued.");
            assertThat(m.statusCallback()).isEqualTo("https://hub.example.com/webhooks/twilio/status");
            assertThat(result.providerId()).isEqualTo(m.sid()).startsWith("SM");
        });
        assertThat(result.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(twilio.requests().get(0).path())
                .isEqualTo("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json");
    }

    @Test
    void reply_goesOutFromTheNumberTheCustomerWroteTo() throws Exception {
        OutboundMessage reply = new OutboundMessage(8, Address.phone("+14155552671"), "On it", null, null, 12L, null,
                List.of(), List.of(), "+15550009999");

        sender.send(reply);

        assertThat(twilio.sentMessages()).singleElement()
                .satisfies(m -> assertThat(m.from()).isEqualTo("+15550009999"));
    }

    @Test
    void withoutFromNumber_theMessagingServiceSends() throws Exception {
        TwilioSettings service = new TwilioSettings(settings.accountSid(), settings.authToken(), null,
                "MG0123456789abcdef0123456789abcdef", twilio.baseUrl(), "https://hub.example.com", null, null);

        new TwilioSender(service, new SendRateLimiter(100, 100, clock)).send(sms("+14155552671", "Hello"));

        assertThat(twilio.sentMessages()).singleElement().satisfies(m -> {
            assertThat(m.from()).isNull();
            assertThat(m.messagingServiceSid()).isEqualTo("MG0123456789abcdef0123456789abcdef");
            assertThat(m.statusCallback()).isNull();
        });
    }

    @Test
    void nationalNumber_isNormalisedWithTheDefaultRegion() throws Exception {
        TwilioSettings french = new TwilioSettings(settings.accountSid(), settings.authToken(), OUR_NUMBER, null,
                twilio.baseUrl(), "https://hub.example.com", "FR", null);

        new TwilioSender(french, new SendRateLimiter(100, 100, clock)).send(sms("06 12 34 56 78", "Bonjour"));

        assertThat(twilio.sentMessages()).singleElement()
                .satisfies(m -> assertThat(m.to()).isEqualTo("+33612345678"));
    }

    @Test
    void invalidNumber_isRefusedBeforeCallingTwilio() {
        SendException e = catchThrowableOfType(SendException.class, () -> sender.send(sms("12345", "Hi")));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("'12345' is not a valid phone number: ");
        assertThat(twilio.requests()).isEmpty();
    }

    @Test
    void twilio21211_isAFinalFailureWithAClearMessage() {
        twilio.failNextCreate(400, 21211, "The 'To' number +14155552671 is not a valid phone number.");

        SendException e = catchThrowableOfType(SendException.class,
                () -> sender.send(sms("+14155552671", "Hi")));

        assertThat(e.retryable()).isFalse();
        assertThat(e.unreachable()).isFalse();
        assertThat(e.getMessage()).isEqualTo(
                "+14155552671 cannot receive SMS: Twilio error 21211: the 'To' number is not a valid phone number");
    }

    @Test
    void twilio21610_meansTheCustomerOptedOut() {
        twilio.optOut("+14155552671");

        SendException e = catchThrowableOfType(SendException.class,
                () -> sender.send(sms("+14155552671", "Hi")));

        assertThat(e.unreachable()).isTrue();
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("the customer opted out (STOP)");
    }

    @Test
    void twilioTooManyRequests_isRateLimited() {
        twilio.failNextCreate(429, 20429, "Too Many Requests");

        SendException e = catchThrowableOfType(SendException.class,
                () -> sender.send(sms("+14155552671", "Hi")));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("20429");
    }

    @Test
    void twilioServerError_isRetryable() {
        for (int i = 0; i < 4; i++) {
            twilio.failNextCreate(503, 20500, "Service Unavailable");
        }

        SendException e = catchThrowableOfType(SendException.class,
                () -> sender.send(sms("+14155552671", "Hi")));

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void unreachableApi_isRetryable() {
        TwilioSettings nowhere = settings.withApiUrl("http://127.0.0.1:1");

        SendException e = catchThrowableOfType(SendException.class,
                () -> new TwilioSender(nowhere, new SendRateLimiter(100, 100, clock)).send(sms("+14155552671", "Hi")));

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void otherClientError_isFinalWithTwilioMessage() {
        twilio.failNextCreate(400, 21408, "Permission to send an SMS has not been enabled for the region");

        SendException e = catchThrowableOfType(SendException.class,
                () -> sender.send(sms("+14155552671", "Hi")));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("Twilio refused the message: Permission to send an SMS has not been "
                + "enabled for the region (Twilio error 21408)");
    }

    @Test
    void overTheSenderRate_theMessageWaits_withoutCallingTwilio() throws Exception {
        TwilioSender paced = new TwilioSender(settings, SendRateLimiter.longCode(clock));
        paced.send(sms("+14155552671", "first"));

        SendException e = catchThrowableOfType(SendException.class,
                () -> paced.send(sms("+14155552672", "second")));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(twilio.sentMessages()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        paced.send(sms("+14155552672", "second"));
        assertThat(twilio.sentMessages()).hasSize(2);
    }

    @Test
    void attachments_areLeftOut_andTheTextIsSent() throws Exception {
        OutboundMessage withFile = new OutboundMessage(9, Address.phone("+14155552671"), "See the invoice", null,
                null, null, null, List.of(Attachment.of("invoice.pdf", "application/pdf", new byte[10])), List.of(),
                null);

        sender.send(withFile);

        assertThat(twilio.sentMessages()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("See the invoice"));
        assertThat(twilio.requests().get(0).form()).doesNotContainKey("MediaUrl");
    }

    @Test
    void emptyText_isRefused() {
        SendException e = catchThrowableOfType(SendException.class, () -> sender.send(sms("+14155552671", " ")));

        assertThat(e.retryable()).isFalse();
        assertThat(twilio.requests()).isEmpty();
    }
}
