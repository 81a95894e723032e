package io.supporthub.channels.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.channels.SignatureCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureVerifierTest {

    private static final String TOKEN = "12345";
    private static final String PUBLIC_URL = "https://support.example.com";

    @TestFactory
    Stream<DynamicTest> everyPublishedSignatureVector_givesItsExpectedResult() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("signature_vectors_twilio-java.json", "signature_vectors_twilio-node.json")) {
            for (JsonNode vector : new ObjectMapper().readTree(TwilioCorpus.file(file).toFile())) {
                tests.add(DynamicTest.dynamicTest(file + ": " + vector.get("name").asText(), () -> check(vector)));
            }
        }
        assertThat(tests).hasSize(30);
        return tests.stream();
    }

    private static void check(JsonNode vector) {
        TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(vector.get("auth_token").asText(), PUBLIC_URL);
        String url = vector.get("url").asText();
        String signature = vector.get("x_twilio_signature").asText();
        SignatureCheck result = vector.has("body")
                ? verifier.verifyJsonBodyAt(url, vector.get("body").asText(), signature)
                : verifier.verifyFormAt(url, params(vector.get("params")), signature);
        SignatureCheck expected = vector.get("expected_valid").asBoolean() ? SignatureCheck.VALID : SignatureCheck.INVALID;
        assertThat(result).as(vector.get("name").asText()).isEqualTo(expected);
    }

    private static Map<String, List<String>> params(JsonNode node) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return form;
        }
        node.properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().isNull() ? null : e.getValue().asText());
            }
            form.put(e.getKey(), values);
        });
        return form;
    }

    @Test
    void signatureOverPublicUrl_isValid_whateverHostTheHubSeesLocally() {
        Map<String, List<String>> form = TwilioCorpus.form("processactivity_parses_a_twilio_message_to_activity");
        String signature = TwilioWebhookSigner.sign("tok", PUBLIC_URL + "/webhooks/twilio/sms", form);

        SignatureCheck check = new TwilioSignatureVerifier("tok", PUBLIC_URL + "/")
                .verifyForm("/webhooks/twilio/sms", null, form, signature);

        assertThat(check).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void queryStringTakesPartInTheSignedUrl() {
        Map<String, List<String>> form = TwilioCorpus.form("processactivity_parses_a_twilio_sent_event_to_activity");
        String signature = TwilioWebhookSigner.sign("tok", PUBLIC_URL + "/webhooks/twilio/status?msg=42", form);
        TwilioSignatureVerifier verifier = new TwilioSignatureVerifier("tok", PUBLIC_URL);

        assertThat(verifier.verifyForm("/webhooks/twilio/status", "msg=42", form, signature))
                .isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.verifyForm("/webhooks/twilio/status", "msg=43", form, signature))
                .isEqualTo(SignatureCheck.INVALID);
    }

    @Test
    void signatureForLocalUrl_isRejected_whenPublicUrlDiffers() {
        Map<String, List<String>> form = TwilioCorpus.form("processactivity_parses_a_twilio_message_to_activity");
        String signature = TwilioWebhookSigner.sign("tok", "http://localhost:8080/webhooks/twilio/sms", form);

        SignatureCheck check = new TwilioSignatureVerifier("tok", PUBLIC_URL)
                .verifyForm("/webhooks/twilio/sms", null, form, signature);

        assertThat(check).isEqualTo(SignatureCheck.INVALID);
        assertThat(check.httpStatus()).isEqualTo(403);
    }

    @Test
    void missingSignatureHeader_gives401() {
        Map<String, List<String>> form =
                TwilioCorpus.form("processactivity_should_fail_if_request_is_missing_twilio_sig");

        SignatureCheck check = new TwilioSignatureVerifier("tok", PUBLIC_URL)
                .verifyForm("/webhooks/twilio/sms", null, form, null);

        assertThat(check).isEqualTo(SignatureCheck.MISSING);
        assertThat(check.httpStatus()).isEqualTo(401);
    }

    @Test
    void wrongSignature_gives403() {
        Map<String, List<String>> form = TwilioCorpus.form("processactivity_should_fail_if_request_is_not_from_twilio");

        SignatureCheck check = new TwilioSignatureVerifier("tok", PUBLIC_URL)
                .verifyForm("/webhooks/twilio/sms", null, form, "Twilio-Signature-Not-Valid=");

        assertThat(check).isEqualTo(SignatureCheck.INVALID);
        assertThat(check.httpStatus()).isEqualTo(403);
    }

    @Test
    void tamperedBody_isRejected() {
        Map<String, List<String>> form = TwilioCorpus.form("processactivity_parses_a_twilio_message_to_activity");
        String signature = TwilioWebhookSigner.sign("tok", PUBLIC_URL + "/webhooks/twilio/sms", form);
        Map<String, List<String>> tampered = new LinkedHashMap<>(form);
        tampered.put("Body", List.of("transfer all the money"));

        SignatureCheck check = new TwilioSignatureVerifier("tok", PUBLIC_URL)
                .verifyForm("/webhooks/twilio/sms", null, tampered, signature);

        assertThat(check).isEqualTo(SignatureCheck.INVALID);
    }

    @Test
    void signatureWithAnotherAuthToken_isRejected() {
        Map<String, List<String>> form = TwilioCorpus.form("processactivity_parses_a_twilio_message_to_activity");
        String signature = TwilioWebhookSigner.sign("other-token", PUBLIC_URL + "/webhooks/twilio/sms", form);

        assertThat(new TwilioSignatureVerifier("tok", PUBLIC_URL)
                .verifyForm("/webhooks/twilio/sms", null, form, signature)).isEqualTo(SignatureCheck.INVALID);
    }
}
