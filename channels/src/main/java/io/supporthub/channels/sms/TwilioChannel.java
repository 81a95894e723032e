package io.supporthub.channels.sms;

import com.twilio.http.TwilioRestClient;
import io.supporthub.channels.PhoneNumbers;

import java.time.Clock;
import java.util.List;

/**
 * The SMS channel's parts built from one {@link TwilioSettings}, sharing one REST client and one media fetcher:
 * what the hub wires for {@code POST /webhooks/twilio/sms}, {@code POST /webhooks/twilio/status}, the outbox and the
 * reconciliation job.
 */
public final class TwilioChannel {

    private final TwilioSettings settings;
    private final TwilioRestClient client;
    private final TwilioSignatureVerifier verifier;
    private final TwilioInboundParser inboundParser;
    private final TwilioStatusParser statusParser;
    private final TwilioSender sender;
    private final PhoneNumbers phoneNumbers;

    /**
     * @param maxAttachmentBytes {@code MAX_ATTACHMENT_MB} in bytes: larger MMS media are refused
     * @param limiter            the per-sender budget, e.g. {@link SendRateLimiter#longCode(Clock)}
     */
    public TwilioChannel(TwilioSettings settings, long maxAttachmentBytes, SendRateLimiter limiter, Clock clock) {
        this.settings = settings;
        this.client = TwilioApiHttpClient.restClient(settings);
        this.verifier = TwilioSignatureVerifier.of(settings);
        this.inboundParser = new TwilioInboundParser(new TwilioMediaFetcher(settings, maxAttachmentBytes), clock);
        this.statusParser = new TwilioStatusParser(clock);
        this.sender = new TwilioSender(settings, client, limiter);
        this.phoneNumbers = new PhoneNumbers(settings.defaultRegion());
    }

    public TwilioSettings settings() {
        return settings;
    }

    public TwilioSignatureVerifier verifier() {
        return verifier;
    }

    public TwilioInboundParser inboundParser() {
        return inboundParser;
    }

    public TwilioStatusParser statusParser() {
        return statusParser;
    }

    public TwilioSender sender() {
        return sender;
    }

    public PhoneNumbers phoneNumbers() {
        return phoneNumbers;
    }

    /**
     * Fetches the account, Twilio's cheapest authenticated request: its name and status, or what Twilio answered.
     *
     * @return "the account Fake (active)"
     * @throws IllegalStateException with Twilio's answer when the credentials or the API fail
     */
    public String fetchAccount() {
        try {
            com.twilio.rest.api.v2010.Account account = com.twilio.rest.api.v2010.Account.fetcher(settings.accountSid())
                    .fetch(client);
            return "the account " + account.getFriendlyName() + " (" + account.getStatus() + ")";
        } catch (com.twilio.exception.ApiException e) {
            throw new IllegalStateException("Twilio answered " + e.getStatusCode() + ": " + e.getMessage(), e);
        } catch (com.twilio.exception.TwilioException e) {
            throw new IllegalStateException("Twilio could not be reached: " + e.getMessage(), e);
        }
    }

    /**
     * A reconciler listing inbound messages to these numbers, or to every number of the account when empty (use
     * that when the account serves only this hub).
     */
    public TwilioReconciler reconciler(List<String> ourNumbers) {
        return new TwilioReconciler(client, inboundParser, ourNumbers);
    }
}
