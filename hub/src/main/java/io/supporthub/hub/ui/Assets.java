package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The pages' stylesheet and script, from the classpath ({@code ui/assets}); no build step, nothing external. */
final class Assets {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("app.css", "text/css; charset=utf-8"),
            Map.entry("app.js", "text/javascript; charset=utf-8"),
            Map.entry("favicon.svg", "image/svg+xml"),
            Map.entry("inbox.js", "text/javascript; charset=utf-8"),
            Map.entry("ticket.js", "text/javascript; charset=utf-8"),
            Map.entry("staff.js", "text/javascript; charset=utf-8"),
            Map.entry("admin.js", "text/javascript; charset=utf-8"),
            Map.entry("catalog.js", "text/javascript; charset=utf-8"),
            Map.entry("groups.js", "text/javascript; charset=utf-8"),
            Map.entry("calendars.js", "text/javascript; charset=utf-8"),
            Map.entry("sla_rules.js", "text/javascript; charset=utf-8"),
            Map.entry("sla_preview.js", "text/javascript; charset=utf-8"),
            Map.entry("sla_recalculation.js", "text/javascript; charset=utf-8"),
            Map.entry("settings.js", "text/javascript; charset=utf-8"),
            Map.entry("profile.js", "text/javascript; charset=utf-8"),
            Map.entry("companies.js", "text/javascript; charset=utf-8"),
            Map.entry("contacts.js", "text/javascript; charset=utf-8"),
            Map.entry("import.js", "text/javascript; charset=utf-8"),
            Map.entry("channels.js", "text/javascript; charset=utf-8"));

    private final Map<String, byte[]> files = new java.util.HashMap<>();

    Assets() {
        for (String name : TYPES.keySet()) {
            try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("ui/assets/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource ui/assets/" + name);
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/assets/{name}", this::serve);
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] body = files.get(name);
        if (body == null) {
            ctx.status(404).result("no asset " + name);
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(TYPES.get(name));
        ctx.result(body);
    }
}
