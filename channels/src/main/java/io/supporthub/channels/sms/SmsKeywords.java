package io.supporthub.channels.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's default opt-out and opt-in keywords. Twilio acts on them itself (it blocks further messages to the
 * customer from that number with error 21610 until they opt back in) and still forwards the message; we mirror it so
 * agents see why nothing is sent. Only a message that is exactly the keyword counts (case-insensitive, trimmed):
 * "STOP PLEASE" does not.
 */
public final class SmsKeywords {

    public enum Kind { OPT_OUT, OPT_IN }

    private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");

    private SmsKeywords() {
    }

    /** Whether the whole message body is an opt-out or opt-in keyword. */
    public static Optional<Kind> classify(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        if (OPT_OUT.contains(word)) {
            return Optional.of(Kind.OPT_OUT);
        }
        if (OPT_IN.contains(word)) {
            return Optional.of(Kind.OPT_IN);
        }
        return Optional.empty();
    }
}
