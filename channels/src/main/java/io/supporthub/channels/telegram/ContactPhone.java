package io.supporthub.channels.telegram;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Turns the phone number of a shared Telegram contact into E.164, when it is international. */
final class ContactPhone {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactPhone() {
    }

    /**
     * @param ownNumber true when the customer shared their own contact: Telegram then gives the account's number,
     *                  which is always international even when written without "+" (e.g. "33612345678")
     * @return the number in E.164, or empty when it has no country code we can trust or is not a valid number
     */
    static Optional<String> toE164(String raw, boolean ownNumber) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String number = raw.strip();
        if (!number.startsWith("+")) {
            if (!ownNumber) {
                return Optional.empty();
            }
            number = "+" + number;
        }
        try {
            PhoneNumber parsed = PHONES.parse(number, "ZZ");
            if (!PHONES.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
