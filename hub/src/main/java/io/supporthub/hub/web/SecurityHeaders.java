package io.supporthub.hub.web;

import io.javalin.config.RoutesConfig;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Headers on every answer: JSON is never sniffed as something else nor cached (it carries tickets and customers'
 * data), and with an https {@code PUBLIC_URL} browsers are told to come back on https only (HSTS).
 */
public final class SecurityHeaders {

    static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    public static void register(RoutesConfig routes, boolean https) {
        routes.after(ctx -> {
            if (ErrorHandling.isOver(ctx)) {
                return;
            }
            String type = ctx.res().getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                forJson(ctx::header);
            }
            if (https) {
                ctx.header("Strict-Transport-Security", HSTS);
            }
        });
    }

    static void forJson(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Cache-Control", "no-store");
    }
}
