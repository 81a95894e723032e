package io.supporthub.hub.web;

import io.javalin.config.RoutesConfig;
import io.supporthub.hub.error.Refusal;

import java.util.List;
import java.util.Map;

/**
 * NUL characters (U+0000) in a path or a query parameter are refused with a 400 that names where, before any route
 * runs: PostgreSQL text cannot hold them and no link has one. (Customers' texts have theirs dropped when stored; any
 * other body value with one is answered 400 by {@link ErrorHandling} when the database refuses it.)
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

    private static Refusal refusal(String where) {
        return Refusal.invalid(where + " contains a NUL character (U+0000), which the hub does not take");
    }
}
