package io.supporthub.channels.telegram;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Bot API request's parameters the ways Telegram accepts them: query string, form, JSON and multipart.
 * Values are kept as strings (a JSON object or array as its JSON text); uploaded files separately.
 */
final class FakeBotApiRequest {

    private FakeBotApiRequest() {
    }

    record Parsed(Map<String, String> params, Map<String, FakeTelegramBotApi.Upload> files) {
    }

    static Parsed parse(String query, String contentType, byte[] body, ObjectMapper mapper) throws java.io.IOException {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, FakeTelegramBotApi.Upload> files = new LinkedHashMap<>();
        if (query != null) {
            form(query, params);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonNode tree = mapper.readTree(body);
            if (tree != null && tree.isObject()) {
                tree.properties().forEach(e -> params.put(e.getKey(),
                        e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            form(new String(body, StandardCharsets.UTF_8), params);
        } else if (type.startsWith("multipart/form-data")) {
            multipart(boundary(contentType), body, params, files);
        }
        return new Parsed(params, files);
    }

    private static void form(String text, Map<String, String> params) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    private static String boundary(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        throw new IllegalArgumentException("multipart request without boundary");
    }

    private static void multipart(String boundary, byte[] body, Map<String, String> params,
                                  Map<String, FakeTelegramBotApi.Upload> files) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                return;
            }
            byte[] part = Arrays.copyOfRange(body, start, next - 2); // without the CRLF before the delimiter
            readPart(part, params, files);
            pos = next;
        }
    }

    private static void readPart(byte[] part, Map<String, String> params, Map<String, FakeTelegramBotApi.Upload> files) {
        int headerEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String headers = new String(part, 0, headerEnd, StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOfRange(part, headerEnd + 4, part.length);
        String name = null;
        String fileName = null;
        String type = "application/octet-stream";
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                name = attribute(line, "name");
                fileName = attribute(line, "filename");
            } else if (lower.startsWith("content-type:")) {
                type = line.substring("content-type:".length()).strip();
            }
        }
        if (name == null) {
            return;
        }
        if (fileName != null) {
            files.put(name, new FakeTelegramBotApi.Upload(fileName, type, content));
        } else {
            params.put(name, new String(content, StandardCharsets.UTF_8));
        }
    }

    private static String attribute(String header, String attribute) {
        for (String piece : header.split(";")) {
            String p = piece.strip();
            if (p.startsWith(attribute + "=")) {
                String v = p.substring(attribute.length() + 1);
                return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
