package io.supporthub.channels.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our ticket marker in mail subjects: {@code [#<ticket number>]}, e.g. "Re: Printer jammed [#1234]". It is found
 * anywhere in the subject (mail clients prepend "Re:", "AW:", "Fwd:" and sometimes move it), decimal digits only.
 */
public final class SubjectMarker {

    private static final Pattern MARKER = Pattern.compile("\\[#(\\d{1,18})]");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|aw|sv|vs|antw|odp|ynt|res|r)\\s*(\\[\\d+]\\s*)?:",
            Pattern.CASE_INSENSITIVE);

    private SubjectMarker() {
    }

    /** The ticket number quoted in the subject, or null. */
    public static Long ticketNumber(String subject) {
        if (subject == null) {
            return null;
        }
        Matcher m = MARKER.matcher(subject);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    public static String marker(long ticketNumber) {
        return "[#" + ticketNumber + "]";
    }

    /**
     * The subject of an outgoing mail: the marker appended when the subject does not carry it yet, and "Re: " in
     * front when the mail answers another one and has no reply prefix yet.
     */
    public static String outgoing(String subject, Long ticketNumber, boolean isReply) {
        String result = subject == null || subject.isBlank() ? "" : subject.strip();
        if (isReply && !result.isEmpty() && !REPLY_PREFIX.matcher(result).find()) {
            result = "Re: " + result;
        }
        if (ticketNumber != null && !result.contains(marker(ticketNumber))) {
            result = result.isEmpty() ? marker(ticketNumber) : result + " " + marker(ticketNumber);
        }
        return result.isEmpty() ? "(no subject)" : result;
    }
}
