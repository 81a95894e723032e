package io.supporthub.channels.sms;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.DeliveryUpdate;
import io.supporthub.channels.UnprocessablePayloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioStatusParserTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final TwilioStatusParser parser = new TwilioStatusParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, List<String>> callback(String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsSid", "SM1");
        form.put("SmsStatus", status);
        form.put("MessageStatus", status);
        form.put("To", "+14155552671");
        form.put("MessageSid", "SM1");
        form.put("AccountSid", "AC1");
        form.put("From", "+15550001111");
        form.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return TwilioForm.of(form);
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "accepted,QUEUED", "scheduled,QUEUED", "sending,SENT", "sent,SENT",
            "delivered,DELIVERED", "read,READ", "undelivered,FAILED", "failed,FAILED", "canceled,FAILED"})
    void twilioStatus_mapsToDeliveryState(String status, DeliveryState expected) throws Exception {
        DeliveryUpdate update = parser.parse(callback(status, null));

        assertThat(update.state()).isEqualTo(expected);
        assertThat(update.providerId()).isEqualTo("SM1");
        assertThat(update.channel()).isEqualTo(ChannelKind.SMS);
        assertThat(update.at()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "30003|Twilio error 30003: the handset is unreachable (switched off or out of coverage)",
            "30004|Twilio error 30004: the message was blocked (the recipient or their carrier blocks it)",
            "30005|Twilio error 30005: the destination number is unknown or no longer exists",
            "30006|Twilio error 30006: the number is a landline or its carrier cannot receive SMS",
            "30007|Twilio error 30007: the carrier filtered the message as spam or unwanted",
            "30008|Twilio error 30008: delivery failed for an unknown reason",
            "21610|Twilio error 21610: the customer has opted out by replying STOP",
            "21211|Twilio error 21211: the 'To' number is not a valid phone number"})
    void undelivered_carriesTheErrorInWords(String code, String reason) throws Exception {
        DeliveryUpdate update = parser.parse(callback("undelivered", code));

        assertThat(update.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(update.reason()).isEqualTo(reason);
    }

    @Test
    void unknownErrorCode_usesTwilioMessage() throws Exception {
        Map<String, List<String>> form = new LinkedHashMap<>(callback("failed", "63016"));
        form.put("ErrorMessage", List.of("Outside the allowed window"));

        assertThat(parser.parse(form).reason()).isEqualTo("Twilio error 63016: Outside the allowed window");
    }

    @Test
    void outOfOrderCallbacks_areEachMapped_andTheModelKeepsTheLaterState() throws Exception {
        DeliveryUpdate delivered = parser.parse(callback("delivered", null));
        DeliveryUpdate lateSent = parser.parse(callback("sent", null));

        assertThat(lateSent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(delivered.state().canMoveTo(lateSent.state())).isFalse();
    }

    @Test
    void corpusDeliveredAndSentCallbacks_areMapped() throws Exception {
        DeliveryUpdate delivered = parser.parse(
                TwilioCorpus.form("processactivity_parses_a_twilio_delivered_event_to_activity"));
        DeliveryUpdate sent = parser.parse(TwilioCorpus.form("processactivity_parses_a_twilio_sent_event_to_activity"));

        assertThat(delivered.providerId()).isEqualTo("SMdf55df64a2ff4920bb0748193cfbb640");
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.reason()).isNull();
        assertThat(sent.providerId()).isEqualTo("SM0cec4ed334e74bcbb64eb8b6684e9654");
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void unknownStatus_isUnprocessable() {
        assertThatThrownBy(() -> parser.parse(callback("exploded", null)))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("'exploded'");
    }

    @Test
    void callbackWithoutMessageSid_isUnprocessable() {
        assertThatThrownBy(() -> parser.parse(
                TwilioCorpus.form("processactivity_should_fail_if_request_is_missing_twilio_sig")))
                .isInstanceOf(UnprocessablePayloadException.class).hasMessageContaining("MessageSid");
    }
}
