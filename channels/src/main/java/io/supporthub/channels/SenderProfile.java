package io.supporthub.channels;

import java.util.List;

/**
 * What the provider tells us about the sender besides the address the message came from.
 *
 * @param name         display name, may be null
 * @param language     IETF language tag such as {@code ru} or {@code fr-CA}, may be null
 * @param otherAddresses further addresses the sender revealed (a shared phone, an email in a form)
 */
public record SenderProfile(String name, String language, List<Address> otherAddresses) {

    public SenderProfile {
        otherAddresses = otherAddresses == null ? List.of() : List.copyOf(otherAddresses);
        name = name == null ? null : InboundMessage.withoutNul(name);
    }

    public static SenderProfile named(String name) {
        return new SenderProfile(name, null, List.of());
    }
}
