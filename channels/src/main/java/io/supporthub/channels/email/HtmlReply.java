package io.supporthub.channels.email;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * talon's {@code extract_from_html}: cut quoted blocks by their tags ({@link HtmlQuotations}), then number every text
 * and tail of the tree with a checkpoint, turn it to text, run the plain-text rules, and remove the tags whose
 * checkpoints fell on quoted lines. Returns the original HTML when nothing was found or nothing readable is left.
 */
final class HtmlReply {

    private static final String PREFIX = "#!%!";
    private static final String SUFFIX = "!%!#";
    private static final Pattern CHECKPOINT = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)" + Pattern.quote(SUFFIX));
    private static final List<String> BLOCK_TAGS = List.of("div", "p", "ul", "li", "h1", "h2", "h3");
    private static final List<String> HARD_BREAKS = List.of("br", "hr", "tr");
    private static final Pattern EXCESSIVE_NEWLINES = Pattern.compile("\n{2,10}");

    private HtmlReply() {
    }

    static String extract(String html, int maxLines) {
        if (html == null || html.isBlank()) {
            return html == null ? "" : html;
        }
        Document doc = Jsoup.parse(html.replace("\r\n", "\n"));
        doc.outputSettings().prettyPrint(false);
        removeComments(doc);
        boolean cut = HtmlQuotations.cutAny(doc);

        Element root = doc.child(0);
        Map<Element, int[]> checkpoints = new IdentityHashMap<>();
        int count = number(root, 0, checkpoints);
        String text = QuotationRules.replaceLinkBrackets(toText(root, checkpoints));
        List<String> lines = TextLines.split(text);
        if (lines.size() > maxLines) {
            return html;
        }
        List<List<Integer>> lineCheckpoints = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        for (String line : lines) {
            List<Integer> ids = new ArrayList<>();
            Matcher m = CHECKPOINT.matcher(line);
            while (m.find()) {
                ids.add(Integer.parseInt(m.group(1)));
            }
            lineCheckpoints.add(ids);
            clean.add(CHECKPOINT.matcher(line).replaceAll(""));
        }
        QuotationRules.Processed processed = QuotationRules.process(clean, QuotationRules.markLines(clean));
        if (!processed.deleted() && !cut) {
            return html;
        }
        if (processed.deleted()) {
            boolean[] quoted = new boolean[count];
            for (int i = processed.firstDeleted(); i < processed.lastDeleted(); i++) {
                lineCheckpoints.get(i).forEach(id -> quoted[id] = true);
            }
            deleteQuoted(root, quoted, checkpoints);
        }
        if (TextLines.blank(toText(root, null))) {
            return html;
        }
        return doc.html();
    }

    /** talon's {@code html_tree_to_text}, with each text and tail followed by its checkpoint when numbers are given. */
    static String toText(Element root, Map<Element, int[]> checkpoints) {
        StringBuilder text = new StringBuilder();
        for (Element el : root.getAllElements()) {
            if (el.nameIs("style")) {
                continue;
            }
            int[] ids = checkpoints == null ? null : checkpoints.get(el);
            String elText = ids == null
                    ? LxmlView.text(el) + tailOf(el, root)
                    : LxmlView.text(el) + mark(ids[0]) + tailOf(el, root) + mark(ids[1]);
            String tag = el.normalName();
            if (elText.length() > 1) {
                if (BLOCK_TAGS.contains(tag) || HARD_BREAKS.contains(tag)) {
                    text.append('\n');
                }
                if (tag.equals("li")) {
                    text.append("  * ");
                }
                text.append(TextLines.strip(elText)).append(' ');
                String href = el.attr("href");
                if (!href.isEmpty()) {
                    text.append('(').append(href).append(") ");
                }
            }
            if (HARD_BREAKS.contains(tag) && text.length() > 0 && text.charAt(text.length() - 1) != '\n'
                    && elText.isEmpty()) {
                text.append('\n');
            }
        }
        return TextLines.strip(EXCESSIVE_NEWLINES.matcher(text).replaceAll("\n\n"));
    }

    private static String tailOf(Element el, Element root) {
        return el == root ? "" : LxmlView.tail(el);
    }

    private static String mark(int id) {
        return PREFIX + id + SUFFIX;
    }

    private static int number(Element el, int counter, Map<Element, int[]> checkpoints) {
        int textId = counter++;
        for (Element child : el.children()) {
            counter = number(child, counter, checkpoints);
        }
        int tailId = counter++;
        checkpoints.put(el, new int[] {textId, tailId});
        return counter;
    }

    private static boolean deleteQuoted(Element el, boolean[] quoted, Map<Element, int[]> checkpoints) {
        int[] ids = checkpoints.get(el);
        boolean inQuotation = true;
        if (quoted[ids[0]]) {
            LxmlView.removeText(el);
        } else {
            inQuotation = false;
        }
        List<Element> quotedChildren = new ArrayList<>();
        for (Element child : new ArrayList<>(el.children())) {
            if (deleteQuoted(child, quoted, checkpoints)) {
                quotedChildren.add(child);
            }
        }
        if (quoted[ids[1]]) {
            LxmlView.removeTail(el);
        } else {
            inQuotation = false;
        }
        if (!inQuotation) {
            quotedChildren.forEach(LxmlView::remove);
        }
        return inQuotation;
    }

    private static void removeComments(Document doc) {
        List<Node> comments = new ArrayList<>();
        doc.forEachNode(node -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        });
        comments.forEach(Node::remove);
    }
}
