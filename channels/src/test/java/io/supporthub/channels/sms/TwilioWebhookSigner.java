package io.supporthub.channels.sms;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Signs a webhook the way Twilio does, for tests that post to the hub's webhooks:
 * {@code base64(HMAC-SHA1(authToken, url + each name in byte order + its value(s), sorted))}. Written from Twilio's
 * description, independently of the SDK's validator, so the two check each other.
 */
public final class TwilioWebhookSigner {

    private TwilioWebhookSigner() {
    }

    /** The {@code X-Twilio-Signature} for a form posted to {@code url} (the full public URL with its query). */
    public static String sign(String authToken, String url, Map<String, List<String>> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, values) -> {
            for (String value : new TreeSet<>(values)) {
                data.append(name).append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** Convenience for single-valued forms. */
    public static String signSingle(String authToken, String url, Map<String, String> form) {
        return sign(authToken, url, TwilioForm.of(form));
    }
}
