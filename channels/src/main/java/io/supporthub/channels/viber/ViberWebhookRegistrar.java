package io.supporthub.channels.viber;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the bot's webhook at the hub: {@code set_webhook(PUBLIC_URL + "/webhooks/viber")} with the events we handle,
 * asking Viber to send the customer's name and photo. {@code message} events always come and cannot be listed.
 *
 * <p>Viber POSTs a signed {@code webhook} event to the URL before answering and refuses the registration unless it
 * gets a 200, so call {@link #register()} only once the HTTP server listens and the route is in place (and Viber
 * wants an https URL with a valid certificate).
 */
public final class ViberWebhookRegistrar {

    private static final Logger log = LoggerFactory.getLogger(ViberWebhookRegistrar.class);

    /** The callbacks we subscribe to, besides {@code message}. */
    public static final List<String> EVENT_TYPES = List.of(
            "delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started");

    private final ViberApi api;

    public ViberWebhookRegistrar(ViberApi api) {
        this.api = api;
    }

    /** What came of the registration, in words for the admin. */
    public record Registration(boolean ok, URI url, String message) {
    }

    /** Registers {@link ViberSettings#webhookUrl()}; never throws for Viber's or the network's failures. */
    public Registration register() throws InterruptedException {
        URI url = api.settings().webhookUrl();
        try {
            ViberResponse response = api.setWebhook(url, EVENT_TYPES, true, true);
            if (response.ok()) {
                log.info("Viber webhook registered at {}", url);
                return new Registration(true, url, "Viber webhook registered at " + url);
            }
            String message = "Viber refused the webhook " + url + ": " + response.describe() + hint(response.status(), url);
            log.error(message);
            return new Registration(false, url, message);
        } catch (IOException e) {
            String message = "could not register the Viber webhook " + url + " at " + api.settings().apiUrl()
                    + ": " + e.getMessage();
            log.error(message, e);
            return new Registration(false, url, message);
        }
    }

    private static String hint(int status, URI url) {
        return switch (status) {
            case ViberStatus.INVALID_URL -> "https".equals(url.getScheme())
                    ? ". Viber must reach this URL with a valid certificate, and the hub must answer its check with 200"
                    : ". Viber only accepts an https URL: set PUBLIC_URL to the hub's https address";
            case ViberStatus.INVALID_AUTH_TOKEN -> ". Check VIBER_AUTH_TOKEN (the token in the bot's Viber admin panel)";
            case ViberStatus.PUBLIC_ACCOUNT_BLOCKED, ViberStatus.PUBLIC_ACCOUNT_SUSPENDED,
                    ViberStatus.PUBLIC_ACCOUNT_NOT_FOUND -> ". The bot account cannot be used: contact Viber support";
            default -> "";
        };
    }
}
