package io.supporthub.channels;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A provider's request exactly as received: the body's bytes, its content type and its headers, less every header
 * that carries a secret (webhook secrets, signatures, credentials, cookies), which are dropped on construction so
 * that no copy of them is ever kept.
 */
public record RawPayload(String contentType, Map<String, String> headers, byte[] body) {

    /** Headers never kept, lower-cased. */
    public static final Set<String> SECRET_HEADERS = Set.of("x-telegram-bot-api-secret-token", "x-twilio-signature",
            "x-viber-content-signature", "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
            "x-hub-signature-256");

    public RawPayload {
        Map<String, String> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null && !SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    kept.put(name, value);
                }
            });
        }
        headers = Collections.unmodifiableMap(kept);
        body = body == null ? new byte[0] : body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
