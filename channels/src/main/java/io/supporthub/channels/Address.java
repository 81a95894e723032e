package io.supporthub.channels;

import java.util.Locale;
import java.util.Objects;

/**
 * A provider address: a phone in E.164, an email address, a Telegram chat id, a Viber user id or an
 * API user id. Emails are compared case-insensitively, so they are stored lower-cased.
 */
public record Address(AddressKind kind, String value) {

    public Address {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty " + kind.wireName() + " address");
        }
        if (kind == AddressKind.EMAIL) {
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    public static Address phone(String e164) {
        return new Address(AddressKind.PHONE, e164);
    }

    public static Address email(String email) {
        return new Address(AddressKind.EMAIL, email);
    }

    public static Address telegram(long chatId) {
        return new Address(AddressKind.TELEGRAM, Long.toString(chatId));
    }

    public static Address viber(String userId) {
        return new Address(AddressKind.VIBER, userId);
    }

    public static Address api(String userId) {
        return new Address(AddressKind.API, userId);
    }

    @Override
    public String toString() {
        return kind.wireName() + ":" + value;
    }
}
