package io.supporthub.hub.viber;

import io.supporthub.channels.viber.ViberSignatureVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed Viber callback that cannot be parsed is kept aside as received, less its signature. */
class KeptAsideViberTest {

    private static ViberHub viber;

    @BeforeAll
    static void start() {
        viber = new ViberHub();
    }

    @AfterAll
    static void stop() {
        viber.close();
    }

    @Test
    void signedCallbackThatFailsToParse_isKeptWithItsExactBytesAndContentType_andWithoutTheSignature() throws Exception {
        String body = ViberHub.corpus("viber-bot-python/test_create_request.test_create_request_missing_event__INVALID.json");
        assertThat(viber.post(body).statusCode()).isEqualTo(200);

        Map<String, Object> row = viber.hub.app.transactions().read(handle -> handle.createQuery(
                "select body, content_type, headers::text as headers, verified from unprocessed_payload "
                        + "where channel = 'viber' order by id desc limit 1").mapToMap().one());
        assertThat((byte[]) row.get("body")).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(row.get("content_type")).isEqualTo("application/json");
        assertThat(row.get("verified")).isEqualTo(true);
        assertThat(((String) row.get("headers")).toLowerCase())
                .contains("content-type").doesNotContain(ViberSignatureVerifier.HEADER.toLowerCase());
    }
}
