package io.supporthub.channels.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes a customer's HTML safe to show to agents: no scripts, styles, event handlers, forms, frames or remote loads.
 * Images only from {@code cid:} (the mail's own inline parts) or {@code data:image/}; links keep http(s) and mailto
 * targets and get {@code rel="noopener nofollow"} and {@code target="_blank"}.
 */
final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("font", "center", "hr", "s", "del", "ins", "abbr", "address", "bdo", "kbd", "samp", "var", "tt")
            .addAttributes(":all", "dir", "align", "title", "lang")
            .addAttributes("font", "color", "size", "face")
            .addAttributes("td", "valign", "bgcolor")
            .addAttributes("th", "valign", "bgcolor")
            .addAttributes("table", "border", "cellpadding", "cellspacing", "bgcolor")
            .removeProtocols("a", "href", "ftp")
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .removeAttributes("blockquote", "cite")
            .removeAttributes("q", "cite")
            .addEnforcedAttribute("a", "rel", "noopener nofollow")
            .addEnforcedAttribute("a", "target", "_blank");

    private HtmlSanitizer() {
    }

    static String sanitize(String html) {
        Document dirty = Jsoup.parse(html == null ? "" : html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element img : clean.select("img")) {
            String src = img.attr("src").strip().toLowerCase(java.util.Locale.ROOT);
            if (!(src.startsWith("cid:") || src.startsWith("data:image/"))) {
                img.remove();
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The original plain text, escaped, for agents who want to see the whole mail. */
    static String preformatted(String text) {
        return "<pre>" + Entities.escape(text == null ? "" : text) + "</pre>";
    }
}
