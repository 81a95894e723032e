package io.supporthub.channels.viber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.channels.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The welcome message answered to a {@code conversation_started} callback. Viber lets a bot greet a customer who
 * opened the chat (and has not subscribed yet) only this way: the JSON goes in the body of the webhook's HTTP 200
 * response, with {@code Content-Type: application/json}. Viber gives no message token for it, so it has no delivery
 * state. Other callbacks are answered with an empty 200.
 */
public final class ViberWelcome {

    private final ViberSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    public ViberWelcome(ViberSettings settings) {
        this.settings = settings;
    }

    /**
     * @param text    the greeting, at most {@value ViberSender#MAX_TEXT} characters
     * @param buttons the bot menu, rendered as a Viber keyboard; empty for none
     * @return the UTF-8 JSON response body
     */
    public byte[] responseBody(String text, List<OutboundMessage.Button> buttons) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a Viber welcome message needs a text");
        }
        if (text.length() > ViberSender.MAX_TEXT) {
            throw new IllegalArgumentException("a Viber welcome message holds at most " + ViberSender.MAX_TEXT
                    + " characters, this one has " + text.length());
        }
        ObjectNode body = json.createObjectNode();
        ViberSender.putSender(body, settings);
        body.put("type", "text");
        body.put("text", text);
        if (buttons != null && !buttons.isEmpty()) {
            body.set("keyboard", ViberKeyboard.of(buttons));
        }
        try {
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the Viber welcome message", e);
        }
    }
}
