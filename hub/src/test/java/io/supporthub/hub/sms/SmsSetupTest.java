package io.supporthub.hub.sms;

import io.supporthub.channels.sms.TwilioChannel;
import io.supporthub.hub.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSetupTest {

    @Test
    void withoutCredentials_smsIsOff() {
        assertThat(SmsSetup.channel(new Config(Map.of()), Clock.systemUTC())).isEmpty();
    }

    @Test
    void withoutANumberOrMessagingService_smsIsOff() {
        Config config = new Config(Map.of("TWILIO_ACCOUNT_SID", "AC1", "TWILIO_AUTH_TOKEN", "t"));
        assertThat(SmsSetup.channel(config, Clock.systemUTC())).isEmpty();
    }

    @Test
    void configured_signaturesAreCheckedAgainstPublicUrl_andOnlyTwilioFromIsReconciled() {
        Config config = new Config(Map.of("TWILIO_ACCOUNT_SID", "AC1", "TWILIO_AUTH_TOKEN", "t",
                "TWILIO_FROM", "+15550001111", "PUBLIC_URL", "https://support.example.test/"));

        TwilioChannel channel = SmsSetup.channel(config, Clock.systemUTC()).orElseThrow();

        assertThat(channel.verifier().calledUrl("/webhooks/twilio/sms", null))
                .isEqualTo("https://support.example.test/webhooks/twilio/sms");
        assertThat(channel.settings().statusCallbackUrl()).isEqualTo("https://support.example.test/webhooks/twilio/status");
        assertThat(SmsSetup.reconciledNumbers(channel.settings())).isEqualTo(List.of("+15550001111"));
    }

    @Test
    void messagingService_reconcilesTheWholeAccount() {
        Config config = new Config(Map.of("TWILIO_ACCOUNT_SID", "AC1", "TWILIO_AUTH_TOKEN", "t",
                "TWILIO_MESSAGING_SERVICE_SID", "MG1"));

        TwilioChannel channel = SmsSetup.channel(config, Clock.systemUTC()).orElseThrow();

        assertThat(SmsSetup.reconciledNumbers(channel.settings())).isEmpty();
    }
}
