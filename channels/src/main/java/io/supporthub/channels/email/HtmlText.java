package io.supporthub.channels.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Readable plain text from HTML: block elements and {@code <br>} become line breaks, links keep their target. */
final class HtmlText {

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "li", "tr", "table", "blockquote", "pre", "hr", "section", "article", "header", "footer",
            "address", "dl", "dt", "dd", "center");

    private HtmlText() {
    }

    static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    Element parent = text.parentElement();
                    boolean pre = parent != null && parent.nameIs("pre");
                    append(out, pre ? text.getWholeText() : text.text());
                } else if (node instanceof Element el && el.nameIs("br")) {
                    out.append('\n');
                } else if (node instanceof Element el && el.nameIs("li")) {
                    newline(out);
                    out.append("* ");
                } else if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    newline(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    newline(out);
                } else if (node instanceof Element el && el.nameIs("a")) {
                    String href = el.attr("href");
                    if (href.startsWith("http") && !el.text().strip().equals(href)) {
                        out.append(" (").append(href).append(')');
                    }
                }
            }
        });
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void append(StringBuilder out, String text) {
        if (text.isEmpty()) {
            return;
        }
        boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        out.append(lineStart ? text.stripLeading() : text);
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
