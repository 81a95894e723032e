package io.supporthub.channels.viber;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the phone number of a shared Viber contact into E.164 with libphonenumber. Viber sends them as digits in
 * international form without the {@code +} ("97245611234"); a number written the national way is read in the
 * default region when one is configured ({@code DEFAULT_PHONE_REGION}).
 */
final class PhoneNormalizer {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion == null || defaultRegion.isBlank()
                ? null : defaultRegion.strip().toUpperCase(Locale.ROOT);
    }

    /** The number in E.164, or empty when it is not a valid number either way. */
    Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String number = raw.strip();
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (number.startsWith("+")) {
            return valid(number, null);
        }
        Optional<String> international = valid("+" + number, null);
        return international.isPresent() || defaultRegion == null ? international : valid(number, defaultRegion);
    }

    private Optional<String> valid(String number, String region) {
        try {
            PhoneNumber parsed = util.parse(number, region);
            return util.isValidNumber(parsed)
                    ? Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
