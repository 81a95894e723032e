package io.supporthub.channels.email;

import java.util.List;

/**
 * Finds the new part of a reply: strips the quoted history and the signature, following mailgun/talon's rules (a port
 * of its {@code quotations.py}, {@code html_quotations.py} and {@code signature/bruteforce.py}).
 *
 * <p>Plain text: "On ... wrote:" in English, French, Polish, Dutch, German, Portuguese, Norwegian, Swedish, Danish and
 * Vietnamese, "-----Original Message-----" and its translations, From:/Sent:/To:/Subject: header blocks in several
 * languages, lines quoted with {@code >}, Android's "---- X wrote ----", Samsung and polymail splitters; a forwarded
 * message ("---------- Forwarded message ----------") is kept whole. HTML: Gmail's {@code div.gmail_quote}, the last
 * top-level {@code blockquote} (Apple's {@code type="cite"} included), Outlook's splitter styles and
 * {@code OLK_SRC_BODY_SECTION}, Outlook on the web's {@code divRplyFwdMsg}, Zimbra's divider and a From:/Date: block
 * after an {@code <hr>}, then the plain-text rules. Pure functions: no state, thread-safe.
 */
public final class ReplyExtractor {

    /** talon's limit: longer texts are returned unchanged (plain: only the first lines are examined). */
    public static final int DEFAULT_MAX_LINES = 1000;

    private final int maxLines;

    public ReplyExtractor() {
        this(DEFAULT_MAX_LINES);
    }

    public ReplyExtractor(int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be positive, got " + maxLines);
        }
        this.maxLines = maxLines;
    }

    /** The reply text of a plain-text mail: quotation removed, then the signature. */
    public String replyFromPlain(String text) {
        return stripSignature(extractFromPlain(text));
    }

    /** The reply text of an HTML mail: quoted blocks removed, converted to text, then the signature removed. */
    public String replyFromHtml(String html) {
        return stripSignature(HtmlText.toText(extractFromHtml(html)));
    }

    /** talon's {@code extract_from_plain}: the text without the quoted history (signature kept). */
    public String extractFromPlain(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String delimiter = TextLines.delimiter(text);
        String body = QuotationRules.replaceLinkBrackets(text);
        body = QuotationRules.wrapSplitterWithNewline(body, delimiter);
        List<String> lines = TextLines.split(body);
        lines = lines.subList(0, Math.min(lines.size(), maxLines));
        QuotationRules.Processed processed = QuotationRules.process(lines, QuotationRules.markLines(lines));
        return QuotationRules.restoreLinks(String.join(delimiter, processed.lines()));
    }

    /**
     * talon's {@code extract_from_html}: the HTML without the quoted blocks, as a whole document; the input unchanged
     * when no quotation was found or nothing readable would be left.
     */
    public String extractFromHtml(String html) {
        return HtmlReply.extract(html, maxLines);
    }

    /** talon's brute-force signature removal: "Sent from my iPhone", "-- ", "Thanks,", "Regards" blocks at the end. */
    public String stripSignature(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return SignatureRules.strip(text);
    }
}
