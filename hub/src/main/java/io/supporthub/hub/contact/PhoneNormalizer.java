package io.supporthub.hub.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Phone numbers to E.164 with libphonenumber. Numbers written without {@code +} need {@code DEFAULT_PHONE_REGION};
 * without it they are refused with a message that says so.
 */
public final class PhoneNormalizer {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion ISO region such as {@code FR}, or null when numbers must be international */
    public PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public String e164(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the phone number is empty");
        }
        String text = raw.strip();
        if (!text.startsWith("+") && !text.startsWith("00") && defaultRegion == null) {
            throw new IllegalArgumentException("'" + text + "' has no country code: write it as +<country><number>, "
                    + "or set DEFAULT_PHONE_REGION");
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(text, defaultRegion == null ? "ZZ" : defaultRegion);
            if (!util.isValidNumber(number)) {
                throw new IllegalArgumentException("'" + text + "' is not a valid phone number");
            }
            return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a phone number: " + e.getMessage());
        }
    }
}
