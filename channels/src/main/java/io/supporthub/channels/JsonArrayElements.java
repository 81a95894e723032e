package io.supporthub.channels;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The elements of an array in a provider's JSON answer ({@code result} of getUpdates, {@code messages} of a Twilio
 * page), each as the exact bytes the provider sent: a payload kept aside is kept as received, not as our JSON library
 * would write it again (Telegram escapes non-ASCII characters and slashes, for one).
 */
public final class JsonArrayElements {

    private JsonArrayElements() {
    }

    /**
     * @param answer UTF-8 JSON whose top-level object has the array {@code field}
     * @throws IOException when the answer is not such JSON
     */
    public static List<byte[]> of(ObjectMapper mapper, byte[] answer, String field) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.START_ARRAY) {
                    return elements(parser, answer);
                }
                parser.skipChildren();
            }
            throw new IOException("the answer has no " + field + " array");
        }
    }

    private static List<byte[]> elements(JsonParser parser, byte[] answer) throws IOException {
        List<byte[]> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getByteOffset();
            elements.add(Arrays.copyOfRange(answer, start, end));
        }
        return elements;
    }
}
