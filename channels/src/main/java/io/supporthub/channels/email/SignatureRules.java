package io.supporthub.channels.email;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signature stripping ported from mailgun/talon's {@code signature/bruteforce.py}: a phone-client line ("Sent from my
 * iPhone") and everything after it, and a block that starts with "--", "Thanks", "Regards", "Cheers" or "Best ..."
 * among the last {@value #MAX_LINES} non-empty lines (never the first line, no line longer than
 * {@value #TOO_LONG_LINE} characters).
 */
final class SignatureRules {

    static final int MAX_LINES = 11;
    static final int TOO_LONG_LINE = 60;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS
            | Pattern.UNIX_LINES | Pattern.MULTILINE | Pattern.DOTALL;

    private static final Pattern SIGNATURE = Pattern.compile(
            "((?:^\\s*--*\\s*[a-z .]*$|^thanks[\\s,!]*$|^regards[\\s,!]*$|^cheers[\\s,!]*$|^best[ a-z]*[\\s,!]*$).*)", FLAGS);
    private static final Pattern PHONE_SIGNATURE = Pattern.compile(
            "((?:^sent from my[\\s,!\\w]*$|^sent from Mailbox for iPhone.*$|^sent (\\S* )?from my BlackBerry.*$"
                    + "|^Enviado desde mi (\\S+ ){0,2}BlackBerry.*$).*)", FLAGS);
    /** Over the reversed line markers: c = could be signature, d = starts with dashes, l = long line. */
    private static final Pattern CANDIDATE = Pattern.compile("(c+d)[^d]|(c+d)$|(c+)|(d)[^d]|(d)$");

    private SignatureRules() {
    }

    static String strip(String body) {
        String delimiter = TextLines.delimiter(body);
        String stripped = body.strip();
        Matcher phone = PHONE_SIGNATURE.matcher(stripped);
        if (phone.find()) {
            stripped = stripped.substring(0, phone.start());
        }
        List<String> lines = TextLines.split(stripped);
        String candidate = String.join(delimiter, candidateLines(lines));
        Matcher signature = SIGNATURE.matcher(candidate);
        if (!signature.find()) {
            return stripped.strip();
        }
        String joined = String.join(delimiter, lines);
        return joined.substring(0, joined.length() - signature.group().length()).strip();
    }

    private static List<String> candidateLines(List<String> lines) {
        List<Integer> nonEmpty = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!TextLines.blank(lines.get(i))) {
                nonEmpty.add(i);
            }
        }
        if (nonEmpty.size() <= 1) {
            return List.of();
        }
        List<Integer> candidate = nonEmpty.subList(Math.max(1, nonEmpty.size() - MAX_LINES), nonEmpty.size());
        StringBuilder markers = new StringBuilder();
        for (int i : candidate) {
            String line = lines.get(i).strip();
            if (line.length() > TOO_LONG_LINE) {
                markers.append('l');
            } else if (line.startsWith("-") && !line.replace("-", "").isEmpty()) {
                markers.append('d');
            } else {
                markers.append('c');
            }
        }
        Matcher m = CANDIDATE.matcher(markers.reverse());
        if (!m.lookingAt()) {
            return List.of();
        }
        int count = 0;
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                count = m.end(g);
                break;
            }
        }
        if (count == 0) {
            return List.of();
        }
        return lines.subList(candidate.get(candidate.size() - count), lines.size());
    }
}
