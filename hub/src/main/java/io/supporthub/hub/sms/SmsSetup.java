package io.supporthub.hub.sms;

import io.supporthub.channels.sms.SendRateLimiter;
import io.supporthub.channels.sms.TwilioChannel;
import io.supporthub.channels.sms.TwilioSettings;
import io.supporthub.hub.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the SMS channel from {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}, {@code TWILIO_FROM} or
 * {@code TWILIO_MESSAGING_SERVICE_SID}, {@code TWILIO_API_URL}, {@code PUBLIC_URL} and {@code DEFAULT_PHONE_REGION};
 * without them the channel is off and says so once.
 */
public final class SmsSetup {

    private static final Logger log = LoggerFactory.getLogger(SmsSetup.class);
    static final String OFF = "SMS channel off: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM or "
            + "TWILIO_MESSAGING_SERVICE_SID";
    private static final List<String> NAMES = List.of("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM",
            "TWILIO_MESSAGING_SERVICE_SID", "TWILIO_API_URL", "DEFAULT_PHONE_REGION");

    private SmsSetup() {
    }

    /** The channel when configured; empty (logged once) otherwise. */
    public static Optional<TwilioChannel> channel(Config config, Clock clock) {
        Map<String, String> env = new HashMap<>();
        NAMES.forEach(name -> config.get(name).ifPresent(value -> env.put(name, value)));
        Optional<TwilioSettings> settings;
        try {
            settings = TwilioSettings.fromEnv(env, config.publicUrl());
        } catch (IllegalArgumentException e) {
            log.warn("{} ({})", OFF, e.getMessage());
            return Optional.empty();
        }
        if (settings.isEmpty()) {
            log.info(OFF);
            return Optional.empty();
        }
        TwilioSettings twilio = settings.get();
        log.info("SMS channel on: sending from {}, webhooks at {}{} and {}{}",
                twilio.fromNumber() != null ? twilio.fromNumber() : "Messaging Service " + twilio.messagingServiceSid(),
                twilio.publicUrl(), TwilioSettings.INBOUND_PATH, twilio.publicUrl(), TwilioSettings.STATUS_PATH);
        return Optional.of(new TwilioChannel(twilio, config.maxAttachmentBytes(), SendRateLimiter.longCode(clock), clock));
    }

    /**
     * The configured numbers whose inbound messages reconciliation lists: {@code TWILIO_FROM} when the hub sends from
     * one number (reconciliation adds every number of ours a customer has written to, {@link ReceivingNumbers}), else
     * none, for every inbound message of the account (a Messaging Service may hold many numbers).
     */
    public static List<String> reconciledNumbers(TwilioSettings settings) {
        return settings.fromNumber() != null && settings.messagingServiceSid() == null
                ? List.of(settings.fromNumber()) : List.of();
    }
}
