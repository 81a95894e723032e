package io.supporthub.channels.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.supporthub.channels.AddressKind;
import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Sends SMS through Twilio's Messages resource with the SDK.
 *
 * <p>From: {@link OutboundMessage#replyFrom()} (the number the customer wrote to) when set, else {@code TWILIO_FROM},
 * else the Messaging Service. Text only: Twilio fetches MMS media from public URLs, which attachments in our
 * database do not have, so attachments are left out (logged). The status callback URL is set when configured.
 *
 * <p>Before calling Twilio the sender asks the {@link SendRateLimiter}; when the sender number's budget is spent it
 * throws {@link SendException#rateLimited} with the wait, and Twilio is not called.
 *
 * <p>Failures: 21211/21614 (invalid or non-mobile number) final with a clear message; 21610 (the customer replied
 * STOP) unreachable; 20429/HTTP 429/14107 rate limited; 5xx and network errors retryable; other 4xx final with
 * Twilio's message.
 */
public final class TwilioSender implements OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(TwilioSender.class);

    private final TwilioSettings settings;
    private final TwilioRestClient client;
    private final SendRateLimiter limiter;
    private final PhoneNumbers phoneNumbers;

    public TwilioSender(TwilioSettings settings, TwilioRestClient client, SendRateLimiter limiter) {
        this.settings = settings;
        this.client = client;
        this.limiter = limiter;
        this.phoneNumbers = new PhoneNumbers(settings.defaultRegion());
    }

    /** A sender on a REST client built from the settings ({@link TwilioApiHttpClient#restClient}). */
    public TwilioSender(TwilioSettings settings, SendRateLimiter limiter) {
        this(settings, TwilioApiHttpClient.restClient(settings), limiter);
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        if (message.to().kind() != AddressKind.PHONE) {
            throw SendException.fatal("SMS goes to phone numbers, not to " + message.to());
        }
        String to;
        try {
            to = phoneNumbers.toE164(message.to().value());
        } catch (IllegalArgumentException e) {
            throw SendException.fatal(e.getMessage());
        }
        if (message.text().isBlank()) {
            throw SendException.fatal("an SMS needs text: attachments alone cannot be sent by SMS");
        }
        if (!message.attachments().isEmpty()) {
            log.warn("message {} to {}: {} attachment(s) not sent, SMS carries the text only", message.messageId(),
                    to, message.attachments().size());
        }
        String sender = sender(message);
        int segments = SmsSegments.of(message.text()).segments();
        Duration wait = limiter.tryAcquire(sender, segments);
        if (!wait.isZero()) {
            throw SendException.rateLimited("SMS send rate of " + sender + " reached; next send in "
                    + wait.toMillis() + " ms", wait);
        }
        try {
            Message created = creator(to, sender, message.text()).create(client);
            DeliveryState state = TwilioMessageStatus.toDeliveryState(
                    created.getStatus() == null ? null : created.getStatus().toString()).orElse(DeliveryState.QUEUED);
            log.info("message {} sent to {} from {} as Twilio {} ({})", message.messageId(), to, sender,
                    created.getSid(), created.getStatus());
            return new SendResult(created.getSid(), state);
        } catch (ApiException e) {
            throw failure(e, to);
        } catch (ApiConnectionException e) {
            throw SendException.retryable("Twilio could not be reached: " + e.getMessage(), e);
        } catch (TwilioException e) {
            throw SendException.retryable("Twilio call failed: " + e.getMessage(), e);
        }
    }

    private String sender(OutboundMessage message) {
        if (message.replyFrom() != null && !message.replyFrom().isBlank()) {
            return message.replyFrom().strip();
        }
        return settings.fromNumber() != null ? settings.fromNumber() : settings.messagingServiceSid();
    }

    private MessageCreator creator(String to, String sender, String text) {
        MessageCreator creator = sender.startsWith("MG")
                ? Message.creator(new PhoneNumber(to), sender, text)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(sender), text);
        if (settings.statusCallbackUrl() != null) {
            creator.setStatusCallback(settings.statusCallbackUrl());
        }
        return creator;
    }

    private static SendException failure(ApiException e, String to) {
        Integer code = e.getCode();
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        String described = TwilioErrors.describe(code, e.getMessage());
        log.warn("Twilio refused a message to {}: HTTP {}, {} ({})", to, status, described, e.getMoreInfo());
        if (code != null && (code == 21211 || code == 21614)) {
            return SendException.fatal(to + " cannot receive SMS: " + described);
        }
        if (code != null && code == 21610) {
            return SendException.unreachable("the customer opted out (STOP)");
        }
        if (status == 429 || (code != null && (code == 20429 || code == 14107))) {
            return SendException.rateLimited("Twilio rate limit: " + described, null);
        }
        if (status >= 500 || status == 0) {
            return SendException.retryable("Twilio failed (HTTP " + status + "): " + described, e);
        }
        return SendException.fatal("Twilio refused the message: " + e.getMessage()
                + (code == null ? "" : " (Twilio error " + code + ")"));
    }
}
