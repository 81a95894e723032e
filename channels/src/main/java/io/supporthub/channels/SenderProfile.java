package io.supporthub.channels;

import java.util.List;

/**
 * What the provider tells us about the sender besides the address the message came from.
 *
 * @param name         display name, may be null; kept as {@link DisplayText#name} makes it
 * @param language     IETF language tag such as {@code ru} or {@code fr-CA}, may be null
 * @param otherAddresses further addresses the sender revealed (a shared phone, an email in a form)
 */
public record SenderProfile(String name, String language, List<Address> otherAddresses) {

    public SenderProfile {
        otherAddresses = otherAddresses == null ? List.of() : List.copyOf(otherAddresses);
        name = DisplayText.name(name);
    }

    public static SenderProfile named(String name) {
        return new SenderProfile(name, null, List.of());
    }
}
