package io.supporthub.channels.sms;

import com.twilio.security.RequestValidator;
import io.supporthub.channels.SignatureCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks {@code X-Twilio-Signature} on Twilio's webhooks with the SDK's {@link RequestValidator}.
 *
 * <p>Twilio signs the URL it called, so the URL checked is {@code PUBLIC_URL + path + query}, never the URL the hub
 * saw locally: behind a proxy or a tunnel the two differ. The SDK's validator also accepts the URL with its port
 * added or removed. On top of it this class accepts:
 * <ul>
 *   <li>repeated form parameters: Twilio signs each name once per value, values sorted; the validator takes one
 *       value per name, so the values are folded into one ({@code v1 + name + v2}), which yields the same string;</li>
 *   <li>the URL as a browser-style parser normalises it ({@code '} in the query as {@code %27}, non-ASCII
 *       percent-encoded), as Twilio's Node SDK does.</li>
 * </ul>
 */
public final class TwilioSignatureVerifier {

    public static final String HEADER = "X-Twilio-Signature";
    private static final Logger log = LoggerFactory.getLogger(TwilioSignatureVerifier.class);

    private final RequestValidator validator;
    private final String publicUrl;

    /**
     * @param authToken the account's auth token
     * @param publicUrl {@code PUBLIC_URL}, e.g. {@code https://support.example.com} (a path prefix is kept)
     */
    public TwilioSignatureVerifier(String authToken, String publicUrl) {
        this.validator = new RequestValidator(authToken);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public static TwilioSignatureVerifier of(TwilioSettings settings) {
        return new TwilioSignatureVerifier(settings.authToken(), settings.publicUrl());
    }

    /** The URL Twilio called: {@code PUBLIC_URL + path} plus {@code ?query} when there is one. */
    public String calledUrl(String path, String rawQuery) {
        String withPath = publicUrl + (path.startsWith("/") ? path : "/" + path);
        return rawQuery == null || rawQuery.isEmpty() ? withPath : withPath + "?" + rawQuery;
    }

    /**
     * Checks a form-encoded webhook (inbound SMS, status callback).
     *
     * @param path      the request path as the hub saw it, e.g. {@code /webhooks/twilio/sms}
     * @param rawQuery  the raw query string, or null
     * @param form      the decoded form parameters
     * @param signature the {@code X-Twilio-Signature} header, or null when absent
     */
    public SignatureCheck verifyForm(String path, String rawQuery, Map<String, List<String>> form, String signature) {
        return verifyFormAt(calledUrl(path, rawQuery), form, signature);
    }

    /** Checks a form-encoded webhook against the full URL Twilio called. */
    public SignatureCheck verifyFormAt(String url, Map<String, List<String>> form, String signature) {
        if (signature == null) {
            log.warn("Twilio webhook to {} has no {} header", url, HEADER);
            return SignatureCheck.MISSING;
        }
        Map<String, String> folded = fold(form);
        for (String candidate : candidates(url)) {
            if (validator.validate(candidate, folded, signature)) {
                return SignatureCheck.VALID;
            }
        }
        log.warn("Twilio webhook to {} has a wrong signature: forged, another auth token, or PUBLIC_URL is not the "
                + "URL configured at Twilio", url);
        return SignatureCheck.INVALID;
    }

    /** Checks a JSON webhook, signed over the URL with {@code bodySHA256=<hex sha256 of the body>} in its query. */
    public SignatureCheck verifyJsonBody(String path, String rawQuery, String rawBody, String signature) {
        return verifyJsonBodyAt(calledUrl(path, rawQuery), rawBody, signature);
    }

    /** Checks a JSON webhook against the full URL Twilio called. */
    public SignatureCheck verifyJsonBodyAt(String url, String rawBody, String signature) {
        if (signature == null) {
            log.warn("Twilio webhook to {} has no {} header", url, HEADER);
            return SignatureCheck.MISSING;
        }
        for (String candidate : candidates(url)) {
            try {
                if (validator.validate(candidate, rawBody, signature)) {
                    return SignatureCheck.VALID;
                }
            } catch (URISyntaxException e) {
                log.warn("Twilio webhook URL {} cannot be parsed: {}", candidate, e.getMessage());
            }
        }
        log.warn("Twilio JSON webhook to {} has a wrong signature or body hash", url);
        return SignatureCheck.INVALID;
    }

    /** One value per name; repeated values sorted, de-duplicated and joined by the name, as Twilio signs them. */
    static Map<String, String> fold(Map<String, List<String>> form) {
        Map<String, String> folded = new HashMap<>();
        if (form == null) {
            return folded;
        }
        form.forEach((name, values) -> {
            if (values == null || values.isEmpty()) {
                folded.put(name, "");
            } else if (values.size() == 1) {
                folded.put(name, values.get(0));
            } else {
                Set<String> sorted = new TreeSet<>();
                values.forEach(v -> sorted.add(v == null ? "" : v));
                folded.put(name, String.join(name, sorted));
            }
        });
        return folded;
    }

    private static Set<String> candidates(String url) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add(url);
        urls.add(normalised(url));
        return urls;
    }

    /** The URL as the WHATWG URL parser writes it: non-ASCII percent-encoded, and in the query also ' " < > space. */
    static String normalised(String url) {
        int query = url.indexOf('?');
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (int i = 0; i < url.length(); ) {
            int cp = url.codePointAt(i);
            boolean inQuery = query >= 0 && i > query;
            if (cp > 0x7E || (inQuery && (cp == ' ' || cp == '"' || cp == '<' || cp == '>' || cp == '\''))) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
