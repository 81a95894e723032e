package io.supporthub.channels.email;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The tag rules of mailgun/talon's {@code html_quotations.py}, ported to jsoup, plus Outlook on the web's
 * {@code divRplyFwdMsg}: each cuts one kind of quoted block and says whether it found one.
 */
final class HtmlQuotations {

    private static final Pattern OUTLOOK_SPLITTER_STYLE = Pattern.compile(
            "border:none; ?border-top:solid #(E1E1E1|B5C4DF) 1.0pt; ?padding:3.0pt 0(in|cm) 0(in|cm) 0(in|cm)");
    private static final String WINDOWS_MAIL_STYLE =
            "padding-top: 5px; border-top-color: rgb(229, 229, 229); border-top-width: 1px; border-top-style: solid;";
    private static final List<String> QUOTE_IDS = List.of("OLK_SRC_BODY_SECTION");

    private HtmlQuotations() {
    }

    /** talon's cut order; the first rule that finds a quotation wins. */
    static boolean cutAny(Document doc) {
        return cutGmailQuote(doc) || cutZimbraQuote(doc) || cutBlockquote(doc) || cutMicrosoftQuote(doc)
                || cutById(doc) || cutOutlookWebQuote(doc) || cutFromBlock(doc);
    }

    static boolean cutGmailQuote(Document doc) {
        Element quote = doc.selectFirst("div.gmail_quote");
        if (quote == null) {
            return false;
        }
        if (QuotationRules.FORWARDED.matcher(LxmlView.text(quote)).lookingAt()) {
            return false;
        }
        LxmlView.remove(quote);
        return true;
    }

    static boolean cutZimbraQuote(Document doc) {
        Element divider = doc.selectFirst("hr[data-marker=__DIVIDER__]");
        if (divider == null) {
            return false;
        }
        LxmlView.remove(divider);
        return true;
    }

    /** The last blockquote that is not nested in another one and is not Gmail's own {@code class="gmail_quote"}. */
    static boolean cutBlockquote(Document doc) {
        Element last = null;
        for (Element quote : doc.select("blockquote")) {
            if (!"gmail_quote".equals(quote.attr("class")) && quote.parents().stream().noneMatch(p -> p.nameIs("blockquote"))) {
                last = quote;
            }
        }
        if (last == null) {
            return false;
        }
        LxmlView.remove(last);
        return true;
    }

    /** Outlook 2003-2013 and Windows Mail: the header block of the quoted mail and everything after it. */
    static boolean cutMicrosoftQuote(Document doc) {
        Element splitter = null;
        for (Element div : doc.select("div[style]")) {
            if (OUTLOOK_SPLITTER_STYLE.matcher(div.attr("style")).find() || WINDOWS_MAIL_STYLE.equals(div.attr("style"))) {
                splitter = div;
                break;
            }
        }
        if (splitter != null) {
            Element parent = splitter.parent();
            if (parent != null && parent.childrenSize() > 0 && parent.child(0) == splitter && parent.parent() != null) {
                splitter = parent;
            }
        } else {
            Element hr = doc.selectFirst("div > div.MsoNormal[align=center][style=\"text-align:center\"] > font > span"
                    + " > hr[size=3][width=\"100%\"][align=center][tabindex=-1]");
            if (hr != null) {
                splitter = ancestor(hr, 4);
            }
        }
        if (splitter == null || splitter.parent() == null) {
            return false;
        }
        removeWithFollowing(splitter);
        return true;
    }

    static boolean cutById(Document doc) {
        boolean found = false;
        for (String id : QUOTE_IDS) {
            Element quote = doc.getElementById(id);
            if (quote != null && quote.parent() != null) {
                LxmlView.remove(quote);
                found = true;
            }
        }
        return found;
    }

    /** Outlook on the web: an {@code <hr>} then {@code div#divRplyFwdMsg} (From/Sent/To/Subject), the quoted mail after. */
    static boolean cutOutlookWebQuote(Document doc) {
        Element header = doc.getElementById("divRplyFwdMsg");
        if (header == null || header.parent() == null) {
            return false;
        }
        Element before = header.previousElementSibling();
        removeWithFollowing(before != null && before.nameIs("hr") ? before : header);
        return true;
    }

    /** The block that starts with "From:" or "Date:" (the quoted mail's headers) and everything after it. */
    static boolean cutFromBlock(Document doc) {
        Element block = null;
        for (Element element : doc.getAllElements()) {
            if (element instanceof Document) {
                continue;
            }
            String content = element.wholeText().strip();
            if (content.startsWith("From:") || content.startsWith("Date:")) {
                block = element;
            }
        }
        if (block != null) {
            Element div = block;
            while (div != null && !div.nameIs("div")) {
                div = div.parent();
            }
            if (div == null || div.parent() == null) {
                return false;
            }
            Element maybeBody = div.parent();
            boolean divIsAllContent = maybeBody.nameIs("body") && maybeBody.childrenSize() == 1;
            if (!divIsAllContent) {
                removeWithFollowing(div);
                return true;
            }
        }
        for (Element element : doc.getAllElements()) {
            String tail = LxmlView.tail(element);
            if (element.parent() != null && (tail.startsWith("From:") || tail.startsWith("Date:"))) {
                if (QuotationRules.FORWARDED.matcher(LxmlView.text(element.parent())).lookingAt()) {
                    return false;
                }
                removeWithFollowing(element);
                return true;
            }
        }
        return false;
    }

    private static void removeWithFollowing(Element start) {
        Elements following = start.nextElementSiblings();
        following.forEach(LxmlView::remove);
        LxmlView.remove(start);
    }

    private static Element ancestor(Element element, int levels) {
        Element current = element;
        for (int i = 0; i < levels && current != null; i++) {
            current = current.parent();
        }
        return current;
    }
}
