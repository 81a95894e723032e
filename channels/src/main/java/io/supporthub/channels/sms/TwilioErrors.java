package io.supporthub.channels.sms;

import java.util.Map;

/** Twilio's common messaging error codes in words an agent understands. */
public final class TwilioErrors {

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(14107, "the SMS send rate limit was exceeded"),
            Map.entry(20003, "Twilio refused our credentials (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN)"),
            Map.entry(20429, "too many requests to Twilio"),
            Map.entry(21211, "the 'To' number is not a valid phone number"),
            Map.entry(21408, "sending SMS to this country is not enabled on the Twilio account"),
            Map.entry(21602, "the message has no text"),
            Map.entry(21606, "the 'From' number is not a message-capable number of this Twilio account"),
            Map.entry(21610, "the customer has opted out by replying STOP"),
            Map.entry(21612, "the number cannot be reached by SMS from this sender"),
            Map.entry(21614, "the 'To' number is not a mobile number that can receive SMS"),
            Map.entry(21617, "the text is longer than 1600 characters"),
            Map.entry(30001, "Twilio's sending queue overflowed"),
            Map.entry(30002, "the Twilio account is suspended"),
            Map.entry(30003, "the handset is unreachable (switched off or out of coverage)"),
            Map.entry(30004, "the message was blocked (the recipient or their carrier blocks it)"),
            Map.entry(30005, "the destination number is unknown or no longer exists"),
            Map.entry(30006, "the number is a landline or its carrier cannot receive SMS"),
            Map.entry(30007, "the carrier filtered the message as spam or unwanted"),
            Map.entry(30008, "delivery failed for an unknown reason"),
            Map.entry(30009, "a part of the long message went missing"),
            Map.entry(30010, "the message price exceeds the maximum price"),
            Map.entry(30034, "the sending number is not registered for A2P 10DLC"));

    private TwilioErrors() {
    }

    /** The meaning of a code, or null when it is not in the table. */
    public static String meaning(Integer code) {
        return code == null ? null : MEANINGS.get(code);
    }

    /**
     * {@code Twilio error <code>: <meaning>}; an unknown code falls back to Twilio's own message, then to a pointer to
     * Twilio's error reference.
     */
    public static String describe(Integer code, String twilioMessage) {
        String meaning = meaning(code);
        if (meaning == null) {
            meaning = twilioMessage != null && !twilioMessage.isBlank()
                    ? twilioMessage.strip()
                    : "see https://www.twilio.com/docs/api/errors/" + code;
        }
        return code == null ? "Twilio error: " + meaning : "Twilio error " + code + ": " + meaning;
    }
}
