package io.supporthub.channels;

import java.util.Locale;

/** The ways a customer can reach the company. {@code API} is the generic inbound channel. */
public enum ChannelKind {
    TELEGRAM(AddressKind.TELEGRAM),
    VIBER(AddressKind.VIBER),
    SMS(AddressKind.PHONE),
    EMAIL(AddressKind.EMAIL),
    API(AddressKind.API);

    private final AddressKind addressKind;

    ChannelKind(AddressKind addressKind) {
        this.addressKind = addressKind;
    }

    /** The kind of address a message on this channel is sent to. */
    public AddressKind addressKind() {
        return addressKind;
    }

    /** The lower-case name used in JSON and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChannelKind fromWire(String name) {
        for (ChannelKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + name + "' (expected telegram, viber, sms, email or api)");
    }

    /** The channel that delivers to an address of this kind. */
    public static ChannelKind forAddress(AddressKind kind) {
        for (ChannelKind channel : values()) {
            if (channel.addressKind == kind) {
                return channel;
            }
        }
        throw new IllegalArgumentException("no channel for " + kind);
    }
}
