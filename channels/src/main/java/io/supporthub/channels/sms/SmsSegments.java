package io.supporthub.channels.sms;

/**
 * How a text travels as SMS: GSM-7 when every character is in the GSM 03.38 alphabet (characters of its extension
 * table, such as {@code € [ ] { } ~ ^ \ |}, take two places), else UCS-2. One GSM-7 message holds 160 places, a
 * long one is cut into segments of 153; UCS-2 holds 70 UTF-16 units, or 67 per segment. An escape pair or a
 * surrogate pair is never split between segments. Shown to the agent before sending, since each segment is billed.
 *
 * @param encoding the encoding the text needs
 * @param units    places used: GSM-7 septets or UCS-2 16-bit units
 * @param segments how many SMS the text is sent as (0 for an empty text)
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

    public enum Encoding { GSM7, UCS2 }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** Works out the encoding and segments of a text. */
    public static SmsSegments of(String text) {
        String s = text == null ? "" : text;
        return isGsm7(s) ? gsm7(s) : ucs2(s);
    }

    /** Whether every character of the text is in the GSM-7 alphabet or its extension table. */
    public static boolean isGsm7(String text) {
        return firstOutsideGsm7(text) < 0;
    }

    /**
     * The first character (a code point: an emoji is one) that is in neither the GSM-7 alphabet nor its extension
     * table, which makes the whole text UCS-2 and its segments less than half as long; -1 when there is none. Shown to
     * the agent, who may replace a typographic quote or dash they did not mean.
     */
    public static int firstOutsideGsm7(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp > 0xFFFF || GSM_BASIC.indexOf(cp) < 0 && GSM_EXTENSION.indexOf(cp) < 0) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static SmsSegments gsm7(String text) {
        int units = 0;
        int[] widths = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            widths[i] = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            units += widths[i];
        }
        return new SmsSegments(Encoding.GSM7, units, count(widths, units, 160, 153));
    }

    private static SmsSegments ucs2(String text) {
        int[] widths = new int[text.codePointCount(0, text.length())];
        int k = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            widths[k++] = Character.charCount(cp);
            i += Character.charCount(cp);
        }
        return new SmsSegments(Encoding.UCS2, text.length(), count(widths, text.length(), 70, 67));
    }

    /** Fills segments greedily with indivisible pieces of the given widths. */
    private static int count(int[] widths, int units, int single, int perSegment) {
        if (units == 0) {
            return 0;
        }
        if (units <= single) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int width : widths) {
            if (used + width > perSegment) {
                segments++;
                used = 0;
            }
            used += width;
        }
        return segments;
    }
}
