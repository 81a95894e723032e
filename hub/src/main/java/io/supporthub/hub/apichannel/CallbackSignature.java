package io.supporthub.hub.apichannel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>}, as GitHub signs its webhooks. */
public final class CallbackSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    public static final String DELIVERY_HEADER = "X-Hub-Delivery";

    private CallbackSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
