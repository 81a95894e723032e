package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The pages' stylesheet and script, from the classpath ({@code ui/assets}); no build step, nothing external. */
final class Assets {

    private static final Map<String, String> TYPES = Map.of(
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "inbox.js", "text/javascript; charset=utf-8",
            "ticket.js", "text/javascript; charset=utf-8",
            "staff.js", "text/javascript; charset=utf-8",
            "admin.js", "text/javascript; charset=utf-8",
            "catalog.js", "text/javascript; charset=utf-8",
            "groups.js", "text/javascript; charset=utf-8",
            "settings.js", "text/javascript; charset=utf-8",
            "profile.js", "text/javascript; charset=utf-8");

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
