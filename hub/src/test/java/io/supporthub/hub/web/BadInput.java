package io.supporthub.hub.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supporthub.hub.support.TestHub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated bad values for a route's path, query and body parameters: wrong types, out-of-range numbers, NUL bytes,
 * stray spaces, huge and malformed strings, and bodies that are not what a route reads.
 */
final class BadInput {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Path segments, already percent-encoded where a URL needs it. */
    static final List<String> PATH_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%00", "%20",
            "%F0%9F%92%A9", "1".repeat(300));

    /** Query parameter names the hub's routes read (and a few they will), each given every bad value. */
    static final List<String> QUERY_NAMES = List.of("after", "limit", "q", "status", "channel", "assignee", "line",
            "unassigned", "priority", "type", "contact", "view", "text", "part", "next", "sig", "expires", "from", "to",
            "seconds", "minutes", "scope", "actor", "action", "id");

    static final List<String> QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "x\u0000y", "2026-13-45 ",
            "x".repeat(5000));

    /** Bodies that are not a JSON object, or not JSON. */
    static final List<String> RAW_BODIES = List.of("", " ", "{", "null", "[]", "\"x\"", "123", "{}", "{\"a\":}",
            "[".repeat(5000) + "]".repeat(5000), "{\"text\": 1e999999}", "\u0000", "{\"text\": \"\\ud800\"}");

    /**
     * Fields the hub's bodies carry: each is tried with the {@link #sharpValues()} on top of a plausible body, and every
     * {@link #fieldValues()} is tried in all of them at once.
     */
    static final List<String> FIELDS = List.of("text", "email", "name", "password", "subject", "status", "until",
            "assignee", "contact", "channel", "type", "priority", "role", "line", "active", "resolve", "reason", "base",
            "position", "groupId", "ticketId", "externalId", "from", "id", "language", "internal", "title", "body",
            "mention", "statuses", "channels", "texts", "tickets", "userId", "phone", "agentId");

    static List<Object> fieldValues() {
        List<Object> values = new ArrayList<>(List.of(123, -1, true, "", "x\u0000y", " fuzz@example.com ",
                "x".repeat(20_000), "2026-99-99T99:99:99Z"));
        values.add(new java.math.BigInteger("99999999999999999999"));
        values.add(JSON.objectNode());
        values.add(JSON.arrayNode().add("x").add(1));
        values.add(JSON.objectNode().put("id", "x"));
        values.add(JSON.objectNode().put("email", "fuzz@example.com ").put("phone", "not a phone"));
        return values;
    }

    /** The values most likely to get past a type check and break something further in. */
    static List<Object> sharpValues() {
        return List.of("x\u0000y", " fuzz@example.com ", 123, JSON.objectNode());
    }

    /** A body every route would mostly accept, so that one bad field gets as far as the code that reads it. */
    static ObjectNode plausible() {
        ObjectNode body = JSON.objectNode();
        body.put("text", "Fuzzing hello");
        body.put("email", "fuzz-" + System.nanoTime() + "@example.com");
        body.put("name", "Fuzz");
        body.put("password", TestHub.ADMIN_PASSWORD);
        body.put("subject", "Fuzz subject");
        body.put("status", "open");
        body.put("role", "specialist");
        body.put("line", 1);
        body.put("externalId", "fuzz-" + System.nanoTime());
        body.set("from", JSON.objectNode().put("name", "Fuzz").put("email", "fuzz-customer@example.com"));
        body.set("contact", JSON.objectNode().put("email", "fuzz-customer@example.com"));
        return body;
    }

    /** Each path with its parameters filled: with each of {@code real} (ids that exist) and with each bad value. */
    static List<String> paths(String pattern, List<Long> real) {
        List<String> paths = new ArrayList<>();
        if (!pattern.contains("{")) {
            paths.add(pattern);
            return paths;
        }
        real.forEach(id -> paths.add(pattern.replaceAll("\\{[^}]+}", Long.toString(id))));
        PATH_VALUES.forEach(value -> paths.add(pattern.replaceAll("\\{[^}]+}", value.replace("$", "\\$"))));
        return paths;
    }

    static String query(String name, String value) {
        return "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, Object> describe(String method, String path, String body) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("request", method + " " + path);
        what.put("body", body == null ? null : body.length() > 120 ? body.substring(0, 120) + "..." : body);
        return what;
    }

    private BadInput() {
    }
}
