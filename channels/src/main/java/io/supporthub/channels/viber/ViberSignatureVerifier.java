package io.supporthub.channels.viber;

import io.supporthub.channels.SignatureCheck;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Viber-Content-Signature}: the lower-case hex HMAC-SHA256 of the exact request body bytes, keyed
 * with the bot's auth token. Verify the bytes as received, before any JSON parsing: the body carries integers above
 * 2^53 that a re-serialisation would change.
 *
 * <p>Missing and wrong signatures answer differently, as CONTRACT.md asks of every webhook: missing 401, wrong 403
 * (issue 5 said 403 for both; the contract wins).
 */
public final class ViberSignatureVerifier {

    /** The header Viber signs its callbacks in; read it case-insensitively. */
    public static final String HEADER = "X-Viber-Content-Signature";

    private final byte[] key;

    public ViberSignatureVerifier(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("a Viber auth token is needed to verify signatures");
        }
        this.key = authToken.strip().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param rawBody         the request body exactly as received
     * @param signatureHeader the value of {@link #HEADER}, or null when absent
     */
    public SignatureCheck verify(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return SignatureCheck.MISSING;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.strip());
        } catch (IllegalArgumentException notHex) {
            return SignatureCheck.INVALID;
        }
        return MessageDigest.isEqual(hmac(rawBody), given) ? SignatureCheck.VALID : SignatureCheck.INVALID;
    }

    /** The signature Viber would put on this body: lower-case hex. */
    public String sign(byte[] rawBody) {
        return HexFormat.of().formatHex(hmac(rawBody));
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
