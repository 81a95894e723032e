package io.supporthub.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.channels.SignatureCheck;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ViberSignatureVerifierTest {

    private static final String TOKEN = "44dafb7e0f40021e-61a47a1e6778d187-f2c5a676a07050b3";
    private static final byte[] BODY =
            "{\"event\":\"webhook\",\"timestamp\":4977069964384421269,\"message_token\":1478683725125}"
                    .getBytes(StandardCharsets.UTF_8);

    private final ViberSignatureVerifier verifier = new ViberSignatureVerifier(TOKEN);

    @Test
    void corpusVectors_giveTheExpectedVerdicts() throws Exception {
        JsonNode vectors = new ObjectMapper().readTree(ViberCorpus.bytes("signature_vectors.json"));
        assertThat(vectors).hasSize(3);
        for (JsonNode vector : vectors) {
            ViberSignatureVerifier check = new ViberSignatureVerifier(vector.get("auth_token").asText());
            SignatureCheck result = check.verify(
                    vector.get("body").asText().getBytes(StandardCharsets.UTF_8),
                    vector.get("x_viber_content_signature").asText());
            assertThat(result.valid()).as(vector.get("source").asText()).isEqualTo(vector.get("expected_valid").asBoolean());
        }
    }

    @Test
    void goodSignature_isValid_andSignReproducesIt() {
        String signature = "d21b343448c8aee33b8e93768ef6ceb64a6ba6163099973a2b8bd028fea510ef";
        assertThat(verifier.verify(BODY, signature)).isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.sign(BODY)).isEqualTo(signature);
        assertThat(FakeViberApi.sign(TOKEN, BODY)).isEqualTo(signature);
    }

    @Test
    void upperCaseHexAndSurroundingSpaces_areAccepted() {
        String signature = " D21B343448C8AEE33B8E93768EF6CEB64A6BA6163099973A2B8BD028FEA510EF ";
        assertThat(verifier.verify(BODY, signature).valid()).isTrue();
    }

    @Test
    void missingSignature_answers401() {
        assertThat(verifier.verify(BODY, null)).isEqualTo(SignatureCheck.MISSING);
        assertThat(verifier.verify(BODY, "  ").httpStatus()).isEqualTo(401);
    }

    @Test
    void wrongSignature_answers403() {
        SignatureCheck result = verifier.verify(BODY, "aaaaaaaaaaaaaaaaaaaaaa");
        assertThat(result).isEqualTo(SignatureCheck.INVALID);
        assertThat(result.httpStatus()).isEqualTo(403);
        assertThat(verifier.verify(BODY, "not hex at all").httpStatus()).isEqualTo(403);
    }

    @Test
    void signatureOfAnotherToken_isRejected() {
        String other = new ViberSignatureVerifier("another-token").sign(BODY);
        assertThat(verifier.verify(BODY, other)).isEqualTo(SignatureCheck.INVALID);
    }

    @Test
    void reserialisedBody_doesNotVerify_soTheRawBytesMustBeChecked() throws Exception {
        String signature = verifier.sign(BODY);
        ObjectMapper json = new ObjectMapper();
        byte[] reserialised = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(BODY));
        assertThat(verifier.verify(reserialised, signature)).isEqualTo(SignatureCheck.INVALID);
    }
}
