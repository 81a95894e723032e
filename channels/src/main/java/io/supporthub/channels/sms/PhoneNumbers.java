package io.supporthub.channels.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;

/**
 * Turns phone numbers as people write them into E.164 ({@code +33612345678}) with libphonenumber.
 *
 * <p>A number written without {@code +} is read in the default region ({@code DEFAULT_PHONE_REGION}); with no default
 * region every number must be international. Invalid numbers raise {@link IllegalArgumentException} with a message an
 * agent can act on, e.g. {@code '12345' is not a valid phone number: it is too short for France}.
 */
public final class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion an ISO 3166 region code such as {@code FR}, or null when numbers must be international */
    public PhoneNumbers(String defaultRegion) {
        if (defaultRegion == null || defaultRegion.isBlank()) {
            this.defaultRegion = null;
        } else {
            String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
            if (!util.getSupportedRegions().contains(region)) {
                throw new IllegalArgumentException("DEFAULT_PHONE_REGION '" + defaultRegion
                        + "' is not a known region: use a two-letter ISO country code such as GB, FR or US");
            }
            this.defaultRegion = region;
        }
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** The number in E.164, or an {@link IllegalArgumentException} saying why it is not a valid phone number. */
    public String toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a phone number is required");
        }
        String written = raw.strip();
        PhoneNumber number;
        try {
            number = util.parse(written, defaultRegion == null ? "ZZ" : defaultRegion);
        } catch (NumberParseException e) {
            throw invalid(written, parseProblem(e));
        }
        if (!util.isValidNumber(number)) {
            throw invalid(written, validityProblem(number));
        }
        return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** Whether the number can be normalised. */
    public boolean isValid(String raw) {
        try {
            toE164(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String parseProblem(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> defaultRegion == null
                    ? "write it in international form, starting with + and the country code (e.g. +44 20 7946 0958)"
                    : "the country code after + is not one that exists";
            case NOT_A_NUMBER -> "it does not look like a phone number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "it is too short";
            case TOO_LONG -> "it is too long";
        };
    }

    private String validityProblem(PhoneNumber number) {
        String region = util.getRegionCodeForNumber(number);
        String where = region == null
                ? "country code +" + number.getCountryCode()
                : new Locale("", region).getDisplayCountry(Locale.ENGLISH);
        return switch (util.isPossibleNumberWithReason(number)) {
            case TOO_SHORT -> "it is too short for " + where;
            case TOO_LONG -> "it is too long for " + where;
            case INVALID_LENGTH -> "it has the wrong number of digits for " + where;
            case INVALID_COUNTRY_CODE -> "+" + number.getCountryCode() + " is not a country code that exists";
            default -> "no such number exists in " + where;
        };
    }

    private static IllegalArgumentException invalid(String written, String problem) {
        return new IllegalArgumentException("'" + written + "' is not a valid phone number: " + problem);
    }
}
