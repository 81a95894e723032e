package io.supporthub.channels.viber;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.channels.OutboundMessage;
import java.util.List;

/**
 * Renders bot buttons as a Viber keyboard. Each button is a "reply" button: pressing it makes the customer send
 * {@code ActionBody} (our {@link OutboundMessage.Button#data()}) as an ordinary text message, which the bot reads.
 * Short labels sit two to a row (3 of Viber's 6 columns), longer ones take the full width. Only API v1 features are
 * used, so no {@code min_api_version} is needed.
 */
final class ViberKeyboard {

    /** Labels up to this long fit on half a row. */
    static final int HALF_ROW_LABEL = 14;
    static final int MAX_LABEL = 250;

    private ViberKeyboard() {
    }

    static ObjectNode of(List<OutboundMessage.Button> buttons) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        boolean halfRows = buttons.size() > 1
                && buttons.stream().allMatch(b -> b.label().length() <= HALF_ROW_LABEL);
        ObjectNode keyboard = nodes.objectNode();
        keyboard.put("Type", "keyboard");
        keyboard.put("DefaultHeight", false);
        ArrayNode array = keyboard.putArray("Buttons");
        for (OutboundMessage.Button button : buttons) {
            ObjectNode b = array.addObject();
            b.put("ActionType", "reply");
            b.put("ActionBody", button.data());
            b.put("Text", escape(button.label()));
            b.put("TextSize", "regular");
            b.put("Columns", halfRows ? 3 : 6);
            b.put("Rows", 1);
        }
        return keyboard;
    }

    /** Viber renders a few HTML tags in button text; a label is shown as written. */
    private static String escape(String label) {
        String text = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) : label;
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
