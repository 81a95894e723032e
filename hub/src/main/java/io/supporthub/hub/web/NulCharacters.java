package io.supporthub.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.supporthub.hub.error.Refusal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * NUL characters (U+0000) are refused where a request comes in, with a 400 that names where: PostgreSQL text cannot
 * hold them, and no name, text or id a person or a provider sends has one. Paths and query parameters are checked for
 * every route; JSON bodies when {@link Json#body} reads them.
 */
public final class NulCharacters {

    private static final char NUL = '\u0000';

    private NulCharacters() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            if (ctx.path().indexOf(NUL) >= 0) {
                throw refusal("the path");
            }
            for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
                if (parameter.getKey().indexOf(NUL) >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf(NUL) >= 0)) {
                    throw refusal("the query parameter '" + parameter.getKey().replace(NUL, '?') + "'");
                }
            }
        });
    }

    /** Refuses a JSON document with a NUL in any of its texts or field names. */
    static void check(JsonNode node, String where) {
        if (node.isTextual() && node.textValue().indexOf(NUL) >= 0) {
            throw refusal(where);
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                check(element, where);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().indexOf(NUL) >= 0) {
                throw refusal("a field name");
            }
            check(field.getValue(), "'" + field.getKey() + "'");
        }
    }

    private static Refusal refusal(String where) {
        return Refusal.invalid(where + " contains a NUL character (U+0000), which the hub does not take");
    }
}
