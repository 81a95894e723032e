package io.supporthub.channels;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns phone numbers into E.164 ({@code +33612345678}), the form {@link Address#phone} holds, with libphonenumber.
 * Three readings, one for each source of numbers:
 * <ul>
 *   <li>{@link #toE164}: numbers as people write them (agents, the API, SMS recipients); a number written without
 *   {@code +} is read in the default region ({@code DEFAULT_PHONE_REGION}), and with no default region every number
 *   must be international. Invalid numbers raise {@link IllegalArgumentException} with a message an agent can act
 *   on, e.g. {@code '12345' is not a valid phone number: it is too short for France}.</li>
 *   <li>{@link #internationalFirst}: numbers a messenger sends as digits in international form without the
 *   {@code +} (Viber's shared contacts, "97245611234"), read in the default region only when they are no valid
 *   international number.</li>
 *   <li>{@link #international}: numbers that are only trusted with their country code (Telegram's shared
 *   contacts), never read in a region.</li>
 * </ul>
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /**
     * @param defaultRegion an ISO 3166 region code such as {@code FR}, or null when numbers must be international
     * @throws IllegalArgumentException when the region is not a known one
     */
    public PhoneNumbers(String defaultRegion) {
        if (defaultRegion == null || defaultRegion.isBlank()) {
            this.defaultRegion = null;
        } else {
            String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
            if (!UTIL.getSupportedRegions().contains(region)) {
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
            number = UTIL.parse(written, defaultRegion == null ? "ZZ" : defaultRegion);
        } catch (NumberParseException e) {
            throw invalid(written, parseProblem(e));
        }
        if (!UTIL.isValidNumber(number)) {
            throw invalid(written, validityProblem(number));
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** Whether {@link #toE164} accepts the number. */
    public boolean isValid(String raw) {
        try {
            toE164(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Reads digits as an international number first, with or without {@code +} or {@code 00}, and only when that is
     * not a valid number, in the default region (when there is one).
     *
     * @return the number in E.164, or empty when it is not a valid number either way
     */
    public Optional<String> internationalFirst(String raw) {
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

    /**
     * Reads a number only with its country code: written with {@code +}, or without it when the source guarantees
     * the number is international (a Telegram account's own number, e.g. "33612345678").
     *
     * @param plusMayBeMissing true when digits without {@code +} are international too; false refuses them
     * @return the number in E.164, or empty when it has no country code we can trust or is not a valid number
     */
    public static Optional<String> international(String raw, boolean plusMayBeMissing) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String number = raw.strip();
        if (!number.startsWith("+")) {
            if (!plusMayBeMissing) {
                return Optional.empty();
            }
            number = "+" + number;
        }
        return valid(number, null);
    }

    private static Optional<String> valid(String number, String region) {
        try {
            PhoneNumber parsed = UTIL.parse(number, region);
            return UTIL.isValidNumber(parsed)
                    ? Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
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
        String region = UTIL.getRegionCodeForNumber(number);
        String where = region == null
                ? "country code +" + number.getCountryCode()
                : new Locale("", region).getDisplayCountry(Locale.ENGLISH);
        return switch (UTIL.isPossibleNumberWithReason(number)) {
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
