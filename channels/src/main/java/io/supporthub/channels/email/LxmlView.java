package io.supporthub.channels.email;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * lxml's view of a jsoup tree, which talon's HTML rules are written against: an element's {@code text} is the text
 * before its first child element, its {@code tail} the text after it up to the next sibling element, and removing an
 * element removes its tail with it.
 */
final class LxmlView {

    private LxmlView() {
    }

    static List<Node> textNodes(Element element) {
        List<Node> nodes = new ArrayList<>();
        for (Node child : element.childNodes()) {
            if (child instanceof Element) {
                break;
            }
            nodes.add(child);
        }
        return nodes;
    }

    static List<Node> tailNodes(Element element) {
        List<Node> nodes = new ArrayList<>();
        for (Node next = element.nextSibling(); next != null && !(next instanceof Element); next = next.nextSibling()) {
            nodes.add(next);
        }
        return nodes;
    }

    static String text(Element element) {
        return join(textNodes(element));
    }

    static String tail(Element element) {
        return join(tailNodes(element));
    }

    static void removeText(Element element) {
        textNodes(element).forEach(Node::remove);
    }

    static void removeTail(Element element) {
        tailNodes(element).forEach(Node::remove);
    }

    /** lxml's {@code parent.remove(element)}: the element goes, and its tail with it. */
    static void remove(Element element) {
        removeTail(element);
        element.remove();
    }

    private static String join(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            if (node instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (node instanceof DataNode data) {
                out.append(data.getWholeData());
            }
        }
        return out.toString();
    }
}
