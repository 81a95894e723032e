package io.supporthub.hub.contact;

import io.supporthub.channels.Address;
import io.supporthub.channels.AddressKind;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.error.Refusal;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An address as an employee types it, made into the form the hub stores: a phone in E.164 (read in
 * {@code DEFAULT_PHONE_REGION} when written without {@code +}), an email lower-cased, a Telegram chat id as digits.
 * What cannot be an address of its kind is refused (422) with a message the employee can act on.
 */
public final class ContactAddresses {

    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\"(),:;<>\\[\\]\\\\]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");
    private static final Pattern TELEGRAM = Pattern.compile("-?[0-9]{1,20}");
    private static final int MAX_LENGTH = 254;

    private final PhoneNumbers phones;

    public ContactAddresses(PhoneNumbers phones) {
        this.phones = phones;
    }

    /** The address of {@code kind} (its wire name: phone, email, telegram, viber, api) written as {@code value}. */
    public Address parse(String kind, String value) {
        AddressKind parsed = kind(kind);
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("'value' is required");
        }
        String written = value.strip();
        if (written.length() > MAX_LENGTH) {
            throw Refusal.unprocessable("an address has at most " + MAX_LENGTH + " characters");
        }
        return switch (parsed) {
            case PHONE -> phone(written);
            case EMAIL -> email(written);
            case TELEGRAM -> {
                if (!TELEGRAM.matcher(written).matches()) {
                    throw Refusal.unprocessable("'" + written + "' is not a Telegram chat id (digits)");
                }
                yield new Address(AddressKind.TELEGRAM, written);
            }
            default -> new Address(parsed, written);
        };
    }

    public Address phone(String written) {
        try {
            return Address.phone(phones.toE164(written));
        } catch (IllegalArgumentException e) {
            throw Refusal.unprocessable(e.getMessage());
        }
    }

    public Address email(String written) {
        String email = written.strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_LENGTH || !EMAIL.matcher(email).matches()) {
            throw Refusal.unprocessable("'" + written.strip() + "' is not a valid email address");
        }
        return Address.email(email);
    }

    private static AddressKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw Refusal.invalid("'kind' is required: one of " + kinds());
        }
        for (AddressKind candidate : AddressKind.values()) {
            if (candidate.wireName().equals(kind.strip().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw Refusal.invalid("'kind' must be one of " + kinds());
    }

    private static String kinds() {
        return Arrays.stream(AddressKind.values()).map(AddressKind::wireName).collect(Collectors.joining(", "));
    }
}
