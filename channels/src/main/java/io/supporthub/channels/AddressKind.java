package io.supporthub.channels;

import java.util.Locale;

/** What an address identifies: a phone number (SMS), a mailbox, a Telegram chat, a Viber user, an API user id. */
public enum AddressKind {
    PHONE, EMAIL, TELEGRAM, VIBER, API;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AddressKind fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
