package io.supporthub.hub.contact;

import io.supporthub.channels.sms.PhoneNumbers;

/**
 * Phone numbers to E.164, through the SMS channel's {@link PhoneNumbers} (libphonenumber) so the hub and the channel
 * agree on every number. Numbers written without {@code +} need {@code DEFAULT_PHONE_REGION}; without it they are
 * refused with a message that says so.
 */
public final class PhoneNormalizer {

    private final PhoneNumbers numbers;

    /**
     * @param defaultRegion ISO region such as {@code FR}, or null when numbers must be international
     * @throws IllegalArgumentException when the region is not a known one
     */
    public PhoneNormalizer(String defaultRegion) {
        this.numbers = new PhoneNumbers(defaultRegion);
    }

    /** The number in E.164, or an {@link IllegalArgumentException} saying why it is not a valid phone number. */
    public String e164(String raw) {
        return numbers.toE164(raw);
    }
}
