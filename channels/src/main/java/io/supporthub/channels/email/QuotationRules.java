package io.supporthub.channels.email;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line rules of mailgun/talon's {@code quotations.py}, ported: every line is marked {@code e} (empty),
 * {@code m} (starts with {@code >}), {@code s} (part of a splitter such as "On ... wrote:"), {@code f} (a forwarded
 * message marker) or {@code t} (text), and regular expressions over that marker string decide which lines are quoted.
 */
final class QuotationRules {

    /** Python 3 semantics: Unicode classes, only {@code \n} ends a line for {@code .} and {@code $}. */
    private static final int PY = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
    private static final int PY_I = PY | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    static final Pattern FORWARDED = Pattern.compile("^-+ *Forwarded message *-+\\s*$", PY_I | Pattern.MULTILINE);

    static final Pattern ON_DATE_SOMEBODY_WROTE = Pattern.compile(
            "(-*>? ?(On|Le|W dniu|Op|Am|Em|På|Den|Vào) .*(,|użytkownik)(.*\\n){0,2}.*"
                    + "(wrote|sent|a écrit|napisał|schreef|verzond|geschreven|schrieb|escreveu|skrev|đã viết):?-*)", PY);

    /** Languages that say "on {date} wrote {somebody}:". */
    private static final Pattern ON_DATE_WROTE_SOMEBODY = Pattern.compile(
            "(-*>? ?(Op|Am) .*(.*\\n){0,2}.*(schreef|verzond|geschreven|schrieb) *.*:)", PY);

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "\\s*-+ *(Original Message|Reply Message|Ursprüngliche Nachricht|Antwort Nachricht|Oprindelig meddelelse) *-+",
            PY_I);

    private static final Pattern FROM_COLON_OR_DATE_COLON = Pattern.compile(
            "((_+\\r?\\n)?\\s*:?\\*?(From|Van|De|Von|Fra|Från|Date|Sent|Datum|Envoyé|Skickat|Sendt|Gesendet"
                    + "|Subject|Betreff|Objet|Emne|Ämne|To|An|Til|À|Till)\\s?:([^\\n$]+\\n){1,2}){2,}",
            PY_I | Pattern.MULTILINE);

    /** "---- John Smith wrote ----" (Android). */
    private static final Pattern ANDROID_WROTE = Pattern.compile("\\s*-+.*(wrote) *-+", PY_I);

    /** polymail.io: "On {date} John Smith\n\n<\nmailto:John Smith <john@example.com>\n> wrote:". */
    private static final Pattern POLYMAIL = Pattern.compile("On.*\\s{2}<\\smailto:.*\\s> wrote:", PY_I);

    private static final List<Pattern> SPLITTERS = List.of(
            ORIGINAL_MESSAGE,
            ON_DATE_SOMEBODY_WROTE,
            ON_DATE_WROTE_SOMEBODY,
            FROM_COLON_OR_DATE_COLON,
            // 02.04.2012 14:20 пользователь "bob@example.com" <\nbob@xxx.mailgun.org> написал:
            Pattern.compile("(\\d+/\\d+/\\d+|\\d+\\.\\d+\\.\\d+).*\\s\\S+@\\S+", PY | Pattern.DOTALL),
            // 2014-10-17 11:28 GMT+03:00 Bob <\nbob@example.com>:
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\s+\\d{2}:\\d{2}\\s+GMT.*\\s\\S+@\\S+", PY | Pattern.DOTALL),
            // Thu, 26 Jun 2014 14:00:51 +0400 Bob <bob@example.com>:
            Pattern.compile("\\S{3,10}, \\d\\d? \\S{3,10} 20\\d\\d,? \\d\\d?:\\d\\d(:\\d\\d)?( \\S+){3,6}@\\S+:", PY),
            // Sent from Samsung MobileName <address@example.com> wrote:
            Pattern.compile("Sent from Samsung.* \\S+@\\S+> wrote", PY),
            ANDROID_WROTE,
            POLYMAIL);

    private static final Pattern QUOTATION = Pattern.compile("((?:s|(?:me*){2,}).*me*)[te]*$");
    private static final Pattern EMPTY_QUOTATION = Pattern.compile("((?:(?:se*)+|(?:me*){2,}))e*");
    private static final Pattern THREE_QUOTED = Pattern.compile("(me*){3}");
    private static final Pattern STARTS_FORWARDED = Pattern.compile("[te]*f");
    private static final Pattern INLINE_REPLY = Pattern.compile("(?<=m)e*((?:t+e*)+)m");
    private static final Pattern SPLITTER_THEN_TEXT = Pattern.compile("(se*)+((t|f)+e*)+");
    private static final Pattern QUOTE_MARK = Pattern.compile("^>+ ?");
    private static final Pattern PARENTHESIS_LINK = Pattern.compile("\\(https?://");
    private static final Pattern LINK = Pattern.compile("<(http://[^>]*)>");
    private static final Pattern NORMALIZED_LINK = Pattern.compile("@@(http://[^>@]*)@@");

    static final int SPLITTER_MAX_LINES = 6;

    private QuotationRules() {
    }

    /** What {@link #process} kept, and which lines it dropped ({@code firstDeleted} inclusive, {@code lastDeleted} exclusive). */
    record Processed(List<String> lines, boolean deleted, int firstDeleted, int lastDeleted) {

        static Processed unchanged(List<String> lines) {
            return new Processed(lines, false, -1, -1);
        }
    }

    static String markLines(List<String> lines) {
        char[] markers = new char[lines.size()];
        java.util.Arrays.fill(markers, 'e');
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (TextLines.blank(line)) {
                markers[i] = 'e';
            } else if (QUOTE_MARK.matcher(line).lookingAt()) {
                markers[i] = 'm';
            } else if (FORWARDED.matcher(line).lookingAt()) {
                markers[i] = 'f';
            } else {
                String window = String.join("\n", lines.subList(i, Math.min(lines.size(), i + SPLITTER_MAX_LINES)));
                Matcher splitter = splitter(window);
                if (splitter != null) {
                    int splitterLines = Math.max(1, TextLines.split(splitter.group()).size());
                    for (int j = 0; j < splitterLines && i + j < markers.length; j++) {
                        markers[i + j] = 's';
                    }
                    i += splitterLines - 1;
                } else {
                    markers[i] = 't';
                }
            }
            i++;
        }
        return new String(markers);
    }

    private static Matcher splitter(String text) {
        for (Pattern pattern : SPLITTERS) {
            Matcher m = pattern.matcher(text);
            if (m.lookingAt()) {
                return m;
            }
        }
        return null;
    }

    static Processed process(List<String> lines, String markers) {
        if (markers.indexOf('s') < 0 && !THREE_QUOTED.matcher(markers).find()) {
            markers = markers.replace('m', 't');
        }
        if (STARTS_FORWARDED.matcher(markers).lookingAt()) {
            return Processed.unchanged(lines);
        }
        Matcher inline = INLINE_REPLY.matcher(markers);
        while (inline.find()) {
            int start = inline.start();
            boolean links = PARENTHESIS_LINK.matcher(lines.get(start - 1)).find()
                    || PARENTHESIS_LINK.matcher(TextLines.strip(lines.get(start))).lookingAt();
            if (!links) {
                return Processed.unchanged(lines);
            }
        }
        Matcher afterSplitter = SPLITTER_THEN_TEXT.matcher(markers);
        if (afterSplitter.find()) {
            return new Processed(lines.subList(0, afterSplitter.start()), true, afterSplitter.start(), lines.size());
        }
        Matcher quotation = QUOTATION.matcher(markers);
        if (!quotation.find()) {
            quotation = EMPTY_QUOTATION.matcher(markers);
            if (!quotation.find()) {
                return Processed.unchanged(lines);
            }
        }
        List<String> kept = new java.util.ArrayList<>(lines.subList(0, quotation.start(1)));
        kept.addAll(lines.subList(quotation.end(1), lines.size()));
        return new Processed(kept, true, quotation.start(1), quotation.end(1));
    }

    /** Hides {@code <http://...>} brackets so the closing {@code >} is not taken for a quotation mark. */
    static String replaceLinkBrackets(String body) {
        Matcher m = LINK.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int lineStart = body.lastIndexOf('\n', m.start()) + 1;
            String replacement = body.charAt(lineStart) == '>' ? m.group() : "@@" + m.group(1) + "@@";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Puts an "On ... wrote:" that follows text on the same line onto a line of its own. */
    static String wrapSplitterWithNewline(String body, String delimiter) {
        Matcher m = ON_DATE_SOMEBODY_WROTE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.start() > 0 && body.charAt(m.start() - 1) != '\n' ? delimiter + m.group() : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String restoreLinks(String body) {
        return TextLines.strip(NORMALIZED_LINK.matcher(body).replaceAll("<$1>"));
    }
}
