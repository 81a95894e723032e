package io.supporthub.channels.sms;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the SMS channel needs to talk to Twilio.
 *
 * @param accountSid          {@code TWILIO_ACCOUNT_SID} (AC...)
 * @param authToken           {@code TWILIO_AUTH_TOKEN}: REST credentials and the key of webhook signatures
 * @param fromNumber          {@code TWILIO_FROM}: our number in E.164 for conversations we start, or null
 * @param messagingServiceSid {@code TWILIO_MESSAGING_SERVICE_SID} (MG...), used when there is no from number, or null
 * @param apiUrl              {@code TWILIO_API_URL}: where {@code https://api.twilio.com} calls go (a loopback fake in tests)
 * @param publicUrl           {@code PUBLIC_URL}: how Twilio reaches the hub; webhook signatures are computed over it
 * @param defaultRegion       {@code DEFAULT_PHONE_REGION} (ISO code such as {@code FR}) for numbers written without
 *                            {@code +}, or null when numbers must be international
 * @param statusCallbackUrl   where Twilio reports delivery states of what we send, or null for no callbacks
 */
public record TwilioSettings(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
                             String apiUrl, String publicUrl, String defaultRegion, String statusCallbackUrl) {

    public static final String DEFAULT_API_URL = "https://api.twilio.com";
    public static final String INBOUND_PATH = "/webhooks/twilio/sms";
    public static final String STATUS_PATH = "/webhooks/twilio/status";

    public TwilioSettings {
        accountSid = required(accountSid, "TWILIO_ACCOUNT_SID");
        authToken = required(authToken, "TWILIO_AUTH_TOKEN");
        fromNumber = blankToNull(fromNumber);
        messagingServiceSid = blankToNull(messagingServiceSid);
        if (fromNumber == null && messagingServiceSid == null) {
            throw new IllegalArgumentException("SMS needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID to send from");
        }
        apiUrl = withoutTrailingSlash(blankToNull(apiUrl) == null ? DEFAULT_API_URL : apiUrl.strip());
        publicUrl = withoutTrailingSlash(required(publicUrl, "PUBLIC_URL"));
        defaultRegion = blankToNull(defaultRegion);
        statusCallbackUrl = blankToNull(statusCallbackUrl);
        URI.create(apiUrl);
        URI.create(publicUrl);
    }

    /**
     * Settings with the status callback at {@code publicUrl + /webhooks/twilio/status} and the default API URL.
     */
    public static TwilioSettings of(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
                                    String publicUrl, String defaultRegion) {
        return new TwilioSettings(accountSid, authToken, fromNumber, messagingServiceSid, DEFAULT_API_URL, publicUrl,
                defaultRegion, withoutTrailingSlash(publicUrl) + STATUS_PATH);
    }

    /**
     * Reads {@code TWILIO_*} and {@code DEFAULT_PHONE_REGION} from the environment (or a config map).
     *
     * @param publicUrl the hub's resolved {@code PUBLIC_URL} (its default depends on {@code PORT})
     * @return empty when the account SID or token is missing: the SMS channel is off
     */
    public static Optional<TwilioSettings> fromEnv(Map<String, String> env, String publicUrl) {
        String sid = blankToNull(env.get("TWILIO_ACCOUNT_SID"));
        String token = blankToNull(env.get("TWILIO_AUTH_TOKEN"));
        if (sid == null || token == null) {
            return Optional.empty();
        }
        return Optional.of(new TwilioSettings(sid, token, env.get("TWILIO_FROM"),
                env.get("TWILIO_MESSAGING_SERVICE_SID"), env.get("TWILIO_API_URL"), publicUrl,
                env.get("DEFAULT_PHONE_REGION"), withoutTrailingSlash(publicUrl) + STATUS_PATH));
    }

    /** The same settings talking to another API base URL (a fake in tests). */
    public TwilioSettings withApiUrl(String newApiUrl) {
        return new TwilioSettings(accountSid, authToken, fromNumber, messagingServiceSid, newApiUrl, publicUrl,
                defaultRegion, statusCallbackUrl);
    }

    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=***, fromNumber=" + fromNumber
                + ", messagingServiceSid=" + messagingServiceSid + ", apiUrl=" + apiUrl + ", publicUrl=" + publicUrl
                + ", defaultRegion=" + defaultRegion + ", statusCallbackUrl=" + statusCallbackUrl + "]";
    }

    private static String required(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String withoutTrailingSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
